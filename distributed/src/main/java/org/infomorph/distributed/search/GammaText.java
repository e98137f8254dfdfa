package org.infomorph.distributed.search;

import java.util.Arrays;
import java.util.stream.Collectors;

/** A goal vector as text: {@code [0.0375, -0.1203, ...]} with four decimals. */
public final class GammaText {
    private GammaText() {}

    public static String of(double[] gamma) {
        return Arrays.stream(gamma).mapToObj(g -> String.format("%.4f", g)).collect(Collectors.joining(", ", "[", "]"));
    }
}
