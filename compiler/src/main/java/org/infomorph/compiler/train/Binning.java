package org.infomorph.compiler.train;

import org.infomorph.compiler.network.BinningKind;
import org.infomorph.compiler.network.BinningSpec;

/**
 * Bins one neuron's linear sums over a batch (section 2 of the design notes), with torch's
 * bucketize semantics: x is clamped to [e_0 + 1e-4, e_nb] and goes to bin k when
 * e_k < x <= e_{k+1} (left-open, right-closed), so values on an edge go to the lower bin.
 * Adaptive binning divides by the batch's max|x| of this neuron and uses edges [-1, 1].
 */
final class Binning {
    private static final double LOW_CLAMP_OFFSET = 1e-4;
    private final BinningSpec spec;
    private final double[] edges;
    /** bins per unit of x: only to guess the bin, which is then checked against the edges */
    private final double binsPerUnit;

    Binning(BinningSpec spec) {
        this.spec = spec;
        double lo = spec.kind() == BinningKind.ADAPTIVE ? -1.0 : spec.low();
        double hi = spec.kind() == BinningKind.ADAPTIVE ? 1.0 : spec.high();
        int nb = spec.bins();
        edges = new double[nb + 1];
        for (int k = 0; k <= nb; k++) edges[k] = lo + (hi - lo) * k / nb;
        edges[nb] = hi;
        binsPerUnit = nb / (hi - lo);
    }

    int bins() {
        return spec.bins();
    }

    /**
     * Bins column {@code j} of the row-major B x n array {@code sums} into {@code out[b]}.
     */
    void bin(double[] sums, int batch, int n, int j, int[] out) {
        binStrided(sums, j, n, batch, out);
    }

    /** Bins {@code values[offset + b * stride]} for {@code b < count} into {@code out[b]}. */
    void binStrided(double[] values, int offset, int stride, int count, int[] out) {
        double scale = 1.0;
        if (spec.kind() == BinningKind.ADAPTIVE) {
            double max = 0;
            for (int b = 0, i = offset; b < count; b++, i += stride) max = Math.max(max, Math.abs(values[i]));
            // an all-zero column would be 0/0 in the reference; it lands in the middle bin here
            scale = max > 0 ? 1.0 / max : 0.0;
        }
        for (int b = 0, i = offset; b < count; b++, i += stride) out[b] = bucket(values[i] * scale);
    }

    /** The smallest k >= 1 with xc <= e_k, minus 1: a guess from the uniform edge spacing, corrected against the edges. */
    int bucket(double x) {
        int nb = edges.length - 1;
        double xc = Math.min(Math.max(x, edges[0] + LOW_CLAMP_OFFSET), edges[nb]);
        if (Double.isNaN(xc)) return nb - 1; // compares false with every edge, as in a search over them
        int k = (int) Math.ceil((xc - edges[0]) * binsPerUnit);
        k = Math.min(nb, Math.max(1, k));
        while (k > 1 && xc <= edges[k - 1]) k--;
        while (k < nb && xc > edges[k]) k++;
        return k - 1;
    }
}
