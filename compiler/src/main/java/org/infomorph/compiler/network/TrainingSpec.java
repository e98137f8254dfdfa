package org.infomorph.compiler.network;

public record TrainingSpec(int batchSize, int epochs, long seed) {}
