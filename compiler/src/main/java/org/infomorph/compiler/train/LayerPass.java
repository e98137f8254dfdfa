package org.infomorph.compiler.train;

/**
 * What one layer computed for a batch at one step, kept for learning: per source the input
 * (B x size, null = all zeros) and the linear sums (B x n); theta and, when learning, the slopes
 * d theta / d sum per source (B x n).
 */
public record LayerPass(int batch, double[][] inputs, double[][] sums, double[] theta, double[][] slopes) {}
