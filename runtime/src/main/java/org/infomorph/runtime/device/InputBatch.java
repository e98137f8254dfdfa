package org.infomorph.runtime.device;

/**
 * Inputs already quantised to the {@code input} format: {@code x} row-major [batch][features];
 * {@code labels} one class per sample, or null in evaluation (label sources read zeros).
 */
public record InputBatch(int batch, int features, int[] x, int[] labels) {
    public InputBatch {
        if (x.length != batch * features) throw new IllegalArgumentException("x has " + x.length + " values, expected " + batch * features);
        if (labels != null && labels.length != batch) throw new IllegalArgumentException("labels: " + labels.length + " != " + batch);
    }
}
