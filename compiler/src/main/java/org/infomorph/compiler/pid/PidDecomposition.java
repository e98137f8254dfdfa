package org.infomorph.compiler.pid;

/**
 * Result of the I^sx PID of one PMF (bits). Arrays are in gamma order (notes section 3.2).
 *
 * @param icap      redundancy {@code Icap(alpha)} per antichain
 * @param atoms     PID atoms {@code Pi = M * Icap}
 * @param entropyY  {@code H(Y)}
 * @param hRes      {@code H_res = H(Y) - I(Y : S_1..S_n)}
 */
public record PidDecomposition(double[] icap, double[] atoms, double entropyY, double hRes) {

    public PidDecomposition {
        icap = icap.clone();
        atoms = atoms.clone();
    }

    @Override
    public double[] icap() {
        return icap.clone();
    }

    @Override
    public double[] atoms() {
        return atoms.clone();
    }

    /** The goal vector's view: atoms then H_res (5 or 19 entries). */
    public double[] info() {
        double[] info = java.util.Arrays.copyOf(atoms, atoms.length + 1);
        info[atoms.length] = hRes;
        return info;
    }

    /** {@code G = gamma . [atoms..., H_res]} (notes section 4.1). */
    public double goal(double[] gamma) {
        double[] info = info();
        if (gamma.length != info.length) {
            throw new IllegalArgumentException("gamma needs " + info.length + " entries, got " + gamma.length);
        }
        double g = 0;
        for (int k = 0; k < info.length; k++) g += gamma[k] * info[k];
        return g;
    }
}
