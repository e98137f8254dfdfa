package org.infomorph.compiler.network;

/**
 * How each source's linear sum is binned (section 2 of the design notes).
 * {@link BinningKind#ADAPTIVE}: x / max_batch|x| per neuron into [-1, 1] (low/high unused);
 * {@link BinningKind#FIXED}: raw x into [low, high].
 */
public record BinningSpec(BinningKind kind, int bins, double low, double high) {}
