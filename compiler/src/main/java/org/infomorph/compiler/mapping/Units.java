package org.infomorph.compiler.mapping;

/** Human-readable sizes: bits as Kbit/Mbit (1 Kbit = 1024 bits, as FPGA vendors count memories). */
public final class Units {
    private Units() {}

    public static String bits(long bits) {
        if (bits >= 1L << 20) return String.format("%.2f Mbit", bits / (double) (1L << 20));
        if (bits >= 1L << 10) return String.format("%.1f Kbit", bits / (double) (1L << 10));
        return bits + " bit";
    }
}
