package org.infomorph.compiler.pid;

import java.util.Arrays;

/**
 * A dense joint PMF {@code p(s_1, .., s_n, y)} over n = 2 or 3 sources with arbitrary finite
 * alphabets and a target alphabet of any size {@code >= 1}.
 *
 * <p>Layout: {@code p[cell * targetBins + y]} with the source cell row-major,
 * {@code cell = (s1*bins[1] + s2)(*bins[2] + s3)} (the notes' section 2.3 index). Entries must be
 * finite and non-negative; the constructor does not insist on normalisation (callers that read
 * user files check it, see {@link PmfFile}).
 */
public record DensePmf(int[] sourceBins, int targetBins, double[] p) {

    public DensePmf {
        if (sourceBins.length != 2 && sourceBins.length != 3) {
            throw new IllegalArgumentException("need 2 or 3 sources, got " + sourceBins.length);
        }
        long cells = 1;
        for (int b : sourceBins) {
            if (b < 1) throw new IllegalArgumentException("every source alphabet needs >= 1 symbol: " + Arrays.toString(sourceBins));
            cells *= b;
        }
        if (targetBins < 1) throw new IllegalArgumentException("target alphabet needs >= 1 symbol, got " + targetBins);
        if (p.length != cells * targetBins) {
            throw new IllegalArgumentException("p has " + p.length + " entries, expected " + cells * targetBins);
        }
        for (double v : p) {
            if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("p entries must be finite and >= 0, found " + v);
        }
        sourceBins = sourceBins.clone();
        p = p.clone();
    }

    @Override
    public int[] sourceBins() {
        return sourceBins.clone();
    }

    @Override
    public double[] p() {
        return p.clone();
    }

    public int sources() {
        return sourceBins.length;
    }

    /** Number of source cells, the product of the source alphabet sizes. */
    public int cells() {
        return p.length / targetBins;
    }

    public double p(int cell, int y) {
        return p[cell * targetBins + y];
    }

    /** Alphabet size of source {@code i} (0-based). */
    public int bins(int i) {
        return sourceBins[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DensePmf d && targetBins == d.targetBins && Arrays.equals(sourceBins, d.sourceBins)
                && Arrays.equals(p, d.p);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(sourceBins) + targetBins) + Arrays.hashCode(p);
    }

    @Override
    public String toString() {
        return "DensePmf[sourceBins=" + Arrays.toString(sourceBins) + ", targetBins=" + targetBins + "]";
    }
}
