package org.infomorph.compiler.arch;

/**
 * Every integer quantity of the LLU, each declared once. Where a quantity's binary point depends
 * on a per-tensor weight scale (weights, biases, accumulators, gradients) the field gives the
 * width and the image gives the scale; see docs/llu-rule.md for every operation.
 *
 * @param input       data inputs, spikes (+-1) and one-hot labels
 * @param weightBits  signed weight width; the binary point is per tensor (the image's weightFrac)
 * @param weightHeadroomBits how many doublings of the initial/trained weight bound the format leaves room for
 * @param biasBits    signed bias width, at the accumulator's binary point
 * @param accumulatorBits signed width of the sum of input x weight products (binary point input.frac + weightFrac)
 * @param activation  the linear sums r, c, l and the activation argument A (saturating)
 * @param theta       P(y=+1), unsigned; LUT entries are clamped to [1, 2^bits - 1] so theta is never 0 or 1
 * @param slope       theta' * dA/d(source), the postsynaptic factor of the update
 * @param count       per-cell sample counts of the histogram (batchExp + 1 bits count a whole batch)
 * @param softSum     per-cell sums of theta (binary point theta.frac; batchExp + theta.bits bits hold a whole batch)
 * @param log2        log2 of counts and soft sums
 * @param q           Q = p / V in [0, 1] for the R-term
 * @param coefficient constants: beta, beta/ln 2, gamma, activation parameters; the modulation m and the
 *                    derivatives dA/du
 * @param table       the coefficient table Delta g
 * @param error       per-sample error Delta g(bin) * slope
 * @param gradientBits signed width of the per-weight gradient accumulator (binary point error.frac + input.frac)
 */
public record Numerics(
        Field input,
        int weightBits,
        int weightHeadroomBits,
        int biasBits,
        int accumulatorBits,
        Field activation,
        Field theta,
        Field slope,
        Field count,
        Field softSum,
        Field log2,
        Field q,
        Field coefficient,
        Field table,
        Field error,
        int gradientBits) {

    /** Guard bits of the coefficient table's accumulator below the table's LSB (docs/llu-rule.md section 5). */
    public static final int TABLE_GUARD_BITS = 8;

    /** Fraction bits of the coefficient table's 32-bit accumulator: table.frac + TABLE_GUARD_BITS. */
    public int tableAccFrac() {
        return table.frac() + TABLE_GUARD_BITS;
    }

    public static Numerics defaults() {
        return new Numerics(
                Field.signed(8, 5),
                8,
                3,
                16,
                32,
                Field.signed(16, 10),
                Field.unsigned(8, 8),
                Field.signed(16, 14),
                Field.unsigned(9, 0),
                Field.unsigned(16, 8),
                Field.signed(24, 12),
                Field.unsigned(16, 14),
                Field.signed(16, 12),
                Field.signed(16, 8),
                Field.signed(16, 10),
                32);
    }

    /** This format with other weights (the headroom kept below the width). */
    public Numerics withWeightBits(int bits) {
        return new Numerics(input, bits, Math.min(weightHeadroomBits, bits - 1), biasBits, accumulatorBits, activation, theta, slope, count,
                softSum, log2, q, coefficient, table, error, gradientBits);
    }

    /** This format with theta of {@code bits} bits; the soft sums keep their integer part. */
    public Numerics withThetaBits(int bits) {
        return new Numerics(input, weightBits, weightHeadroomBits, biasBits, accumulatorBits, activation, Field.unsigned(bits, bits), slope,
                count, Field.unsigned(softSum.bits() - theta.bits() + bits, bits), log2, q, coefficient, table, error, gradientBits);
    }

    public Numerics withLog2Frac(int frac) {
        return new Numerics(input, weightBits, weightHeadroomBits, biasBits, accumulatorBits, activation, theta, slope, count, softSum,
                Field.signed(log2.bits(), frac), q, coefficient, table, error, gradientBits);
    }

    public Numerics withGradientBits(int bits) {
        return new Numerics(input, weightBits, weightHeadroomBits, biasBits, accumulatorBits, activation, theta, slope, count, softSum, log2, q,
                coefficient, table, error, bits);
    }

    /**
     * Width of a broadcast input operand x: the input field, or +-1.0 (spikes, one-hot labels) if
     * that needs more bits.
     */
    public int xBits() {
        return Math.max(input.bits(), input.frac() + 2);
    }

    /** The largest weight: 2^(weightBits-1) - 1. Weights saturate symmetrically to [-weightMax, weightMax]. */
    public int weightMax() {
        return (1 << (weightBits - 1)) - 1;
    }

    /**
     * The code -2^(weightBits-1), outside the symmetric weight range: the LLU array stores a
     * masked weight (value 0, never updated) as this code instead of keeping a mask memory.
     */
    public int maskedCode() {
        return -(1 << (weightBits - 1));
    }

    public Field weight(int frac) {
        return new Field(weightBits, frac, true, Rounding.HALF_UP);
    }

    public Field bias(int weightFrac) {
        return new Field(biasBits, weightFrac + input.frac(), true, Rounding.HALF_UP);
    }

    public Field accumulator(int weightFrac) {
        return new Field(accumulatorBits, weightFrac + input.frac(), true, Rounding.HALF_UP);
    }

    /**
     * Right shift (floor) applied to every input x weight product, and to the bias, of a source
     * with this fan-in, so that the sum fits the accumulator: 0 unless the worst case
     * fanIn * max|x| * max|w| + max|b| needs more than accumulatorBits.
     */
    public int productShift(int fanIn) {
        long worst = (long) fanIn * (1L << (input.bits() - 1)) * (1L << (weightBits - 1)) + (1L << (biasBits - 1));
        int need = 64 - Long.numberOfLeadingZeros(worst) + 1;
        return Math.max(0, need - accumulatorBits);
    }

    public Field gradient() {
        return new Field(gradientBits, error.frac() + input.frac(), true, Rounding.STOCHASTIC);
    }
}
