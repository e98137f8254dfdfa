package org.infomorph.compiler.image;

/**
 * One source of a layer in integer form: weights {@code w} row-major [neurons][size] in
 * {@code weight(weightFrac)}, biases {@code b} in {@code bias(weightFrac)}, the 0/1 mask, and
 * whether the source is fixed (never updated on chip, e.g. the output layer's identity label context).
 */
public record ImageSource(int neurons, int size, int weightFrac, int[] w, int[] b, int[] mask, boolean fixed) {
    public ImageSource {
        if (w.length != neurons * size || mask.length != neurons * size || b.length != neurons)
            throw new IllegalArgumentException("source arrays do not match " + neurons + "x" + size);
    }

    public ImageSource copy() {
        return new ImageSource(neurons, size, weightFrac, w.clone(), b.clone(), mask.clone(), fixed);
    }
}
