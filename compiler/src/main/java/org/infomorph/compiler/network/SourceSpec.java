package org.infomorph.compiler.network;

/**
 * One source of a layer: where its input comes from, how large it is and which weights exist.
 *
 * @param role        R, C or L
 * @param from        {@code input} (the data), {@code label} (one-hot label in training, zeros in
 *                    evaluation), {@code layer:NAME} (this step's spikes of an earlier layer) or
 *                    {@code previous:NAME} (the previous step's spikes of a layer; zeros at step 1)
 * @param size        the input width
 * @param mask        which connections exist
 * @param resetToMask reset the weights to the mask at the start of every training batch (the
 *                    output layer's identity label context); its bias stays trainable
 */
public record SourceSpec(SourceRole role, String from, int size, MaskSpec mask, boolean resetToMask) {
    public static final String INPUT = "input";
    public static final String LABEL = "label";
    public static final String LAYER_PREFIX = "layer:";
    public static final String PREVIOUS_PREFIX = "previous:";

    /** True for {@code previous:NAME}: the previous step's spikes (zeros at step 1). */
    public boolean fromPrevious() {
        return from.startsWith(PREVIOUS_PREFIX);
    }

    /** NAME of {@code layer:NAME} or {@code previous:NAME}; null for {@code input} and {@code label}. */
    public String fromLayer() {
        if (from.startsWith(LAYER_PREFIX)) return from.substring(LAYER_PREFIX.length());
        if (from.startsWith(PREVIOUS_PREFIX)) return from.substring(PREVIOUS_PREFIX.length());
        return null;
    }
}
