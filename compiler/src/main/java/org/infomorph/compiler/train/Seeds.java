package org.infomorph.compiler.train;

/** Derives independent, reproducible seeds from one run seed (SplitMix64 finaliser). */
public final class Seeds {
    private Seeds() {}

    public static long derive(long seed, long... parts) {
        long h = mix(seed);
        for (long p : parts) h = mix(h ^ (p + 0x9E3779B97F4A7C15L));
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
