package org.infomorph.runtime.sim;

/** Host-port opcodes, regions and global CONFIG words of the LLU array (docs/llu-rtl.md, "Host port"). */
public final class SimRegions {
    private SimRegions() {}

    // opcodes (io_host_op)
    public static final int OP_WRITE = 0;
    public static final int OP_READ = 1;
    public static final int OP_RUN = 2;
    public static final int OP_BOUNDARY = 3;
    public static final int OP_PASS2 = 4;

    // regions (io_host_addr[31:28])
    public static final int CONFIG = 0;
    public static final int INPUT = 1;
    public static final int SPIKES = 2;
    public static final int OUT = 3;
    public static final int STATUS = 4;
    public static final int WEIGHT = 5;
    public static final int MASK = 6;
    public static final int BIAS = 7;
    public static final int GRAD = 8;
    public static final int PRNG = 9;
    public static final int COUNT = 10;
    public static final int SOFTSUM = 11;
    public static final int TABLE = 12;
    public static final int RANGE = 13;
    public static final int MAXABS = 14;
    public static final int PASS2 = 15;

    // CONFIG words: org.infomorph.compiler.rtl.RtlLayout

    // STATUS words
    public static final int STATUS_CYCLES = 0;
    public static final int STATUS_RUNS = 1;
    /** STATUS word of saturation counter id: STATUS_SATURATION + id. */
    public static final int STATUS_SATURATION = 16;

    // RUN argument bits
    public static final long RUN_LEARN = 1;
    public static final long RUN_STOCHASTIC = 2;
    public static final int RUN_SAMPLE_SHIFT = 16;

    // BOUNDARY argument bits
    public static final long BOUNDARY_TABLES = 1;
    public static final long BOUNDARY_APPLY = 2;

    public static final int UNIT_SHIFT = 20;
    public static final int REGION_SHIFT = 28;
    public static final int WORD_MASK = (1 << UNIT_SHIFT) - 1;
    public static final int UNIT_MASK = 0xff;

    /** The port address of a word: region[31:28], unit[27:20], word[19:0]. */
    public static int address(int region, int unit, int word) {
        if (region < 0 || region > 15) throw new IllegalArgumentException("region must be in 0..15, got " + region);
        if (unit < 0 || unit > UNIT_MASK) throw new IllegalArgumentException("unit must be in 0..255, got " + unit);
        if (word < 0 || word > WORD_MASK) throw new IllegalArgumentException("word must be in 0..2^20-1, got " + word);
        return region << REGION_SHIFT | unit << UNIT_SHIFT | word;
    }
}
