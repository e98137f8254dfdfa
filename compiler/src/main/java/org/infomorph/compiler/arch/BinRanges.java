package org.infomorph.compiler.arch;

/**
 * The binning range per layer kind. They differ because three-source layers learn best on a
 * fixed range (docs/three-source.md: the adaptive range cost 3 points at L1), while the output
 * layer's label context needs the adaptive one.
 *
 * @param twoSources   Graetz layers (R, C)
 * @param threeSources Schneider layers (R, C, L)
 */
public record BinRanges(BinRange twoSources, BinRange threeSources) {
    public static BinRanges defaults() {
        return new BinRanges(new BinRange(2, -6, 4), new BinRange(4, 4, 4));
    }

    /** The range of a layer with {@code sources} sources (2 or 3). */
    public BinRange of(int sources) {
        return sources == 3 ? threeSources : twoSources;
    }

    /** The smallest exponent of any kind: it sizes the binning shifter. */
    public int minExp() {
        return Math.min(twoSources.minExp(), threeSources.minExp());
    }

    /** The largest exponent of any kind. */
    public int maxExp() {
        return Math.max(twoSources.maxExp(), threeSources.maxExp());
    }
}
