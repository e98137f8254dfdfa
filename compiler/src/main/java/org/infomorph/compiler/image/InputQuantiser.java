package org.infomorph.compiler.image;

import org.infomorph.compiler.arch.Field;

/** Data inputs to the {@code input} format: round half up, saturate (the host does this before upload). */
public final class InputQuantiser {
    private InputQuantiser() {}

    public static int[] quantise(double[] x, Field input) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            long q = (long) Math.floor(Math.scalb(x[i], input.frac()) + 0.5);
            out[i] = (int) Math.max(input.min(), Math.min(input.max(), q));
        }
        return out;
    }
}
