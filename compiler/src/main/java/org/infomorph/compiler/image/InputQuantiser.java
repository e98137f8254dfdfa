package org.infomorph.compiler.image;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.arch.Field;

/** Data inputs to the {@code input} format: round half up, saturate (docs/llu-rule.md section 1). */
public final class InputQuantiser {
    private InputQuantiser() {}

    public static int[] quantise(double[] x, ArchConfig arch) {
        Field f = arch.numerics().input();
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) out[i] = (int) Math.max(f.min(), Math.min(f.max(), ArchTables.roundHalfUp(Math.scalb(x[i], f.frac()))));
        return out;
    }
}
