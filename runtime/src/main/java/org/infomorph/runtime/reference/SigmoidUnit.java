package org.infomorph.runtime.reference;

/**
 * The sigmoid LUT (docs section 2.2): 2^S entries over [-2^E, 2^E). The index of an argument a
 * (in {@code activation}) is {@code (a >> (activation.frac + E + 1 - S)) + 2^(S-1)}; an index
 * outside the table is clamped and the lookup is saturated.
 */
public final class SigmoidUnit {
    private final int[] lut;
    private final int shift;
    private final int half;

    public SigmoidUnit(int[] lut, int activationFrac, int rangeExp) {
        this.lut = lut.clone();
        int sExp = Integer.numberOfTrailingZeros(lut.length);
        this.shift = activationFrac + rangeExp + 1 - sExp;
        this.half = lut.length >> 1;
    }

    /** The unclamped index; saturated iff outside [0, entries). */
    public int index(int a) {
        return (shift >= 0 ? a >> shift : a << -shift) + half;
    }

    public boolean saturated(int index) {
        return index < 0 || index >= lut.length;
    }

    /** The entry at the clamped index. */
    public int at(int index) {
        return lut[index < 0 ? 0 : index >= lut.length ? lut.length - 1 : index];
    }

    public int lookup(int a) {
        return at(index(a));
    }
}
