package org.infomorph.runtime.device;

import java.util.List;

/**
 * Outputs of a batch: the output layer's theta (row-major [batch][classes], in theta units)
 * and the last step's spikes of every other layer (row-major [batch][neurons], +1/-1; null for
 * the output layer).
 */
public record BatchResult(int batch, int classes, int[] outputTheta, List<int[]> spikes) {}
