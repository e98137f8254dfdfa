package org.infomorph.compiler.rtl;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything the LLU array's host port and its host agree on (docs/llu-rtl.md): opcodes, regions
 * and address fields, command arguments, STATUS words, the CONFIG map and the native status
 * codes of the simulation shim. Written once here: the Chisel generator imports these constants,
 * the C++ shim includes the header {@link #cHeader()} makes from them, and the Java hosts use
 * them directly.
 */
public final class RtlContract {
    private RtlContract() {}

    // ---- opcodes (io_host_op)
    public static final int OP_WRITE = 0, OP_READ = 1, OP_RUN = 2, OP_BOUNDARY = 3;
    public static final int OP_BITS = 4;

    // ---- regions (io_host_addr[31:28]); UNIT selects a lane memory group
    public static final int REGION_CONFIG = 0, REGION_INPUT = 1, REGION_SPIKES = 2, REGION_OUT = 3, REGION_STATUS = 4,
            REGION_LANE = 5, REGION_HIST = 6, REGION_TABLE = 7, REGION_RANGES = 8;
    public static final int REGION_SHIFT = 28, UNIT_SHIFT = 20, UNIT_MASK = 0xff, WORD_MASK = (1 << UNIT_SHIFT) - 1;
    public static final int ADDR_BITS = 32, DATA_BITS = 64;
    /** Cycles from a READ's acceptance to its data on io_host_rdata. */
    public static final int READ_LATENCY = 2;

    // ---- RUN argument bits
    public static final int RUN_LEARN = 1, RUN_STOCHASTIC = 2;

    // ---- STATUS words (64-bit counters)
    public static final int STATUS_CYCLES = 0, STATUS_RUNS = 1;
    /** STATUS word of saturation counter id (org.infomorph.compiler.arch.Counter): STATUS_COUNTERS + id. */
    public static final int STATUS_COUNTERS = 16;

    // ---- CONFIG (32-bit words): global words, then one block per layer, then the program
    public static final int CFG_LAYERS = 0, CFG_ENTRIES = 1, CFG_LABEL = 2, CFG_FEATURES = 3, CFG_CLASSES = 4;
    /** Layer L's block starts at LAYER_STRIDE * (L + 1). */
    public static final int LAYER_STRIDE = 128;
    public static final int L_NEURONS = 0, L_SLOTS = 1, L_SOURCES = 2, L_KIND = 3, L_BIAS = 4, L_CELLS_LOG2 = 5, L_LANE_BASE = 6,
            L_SLOT_WORDS = 7, L_HIST_BASE = 8, L_RANGE_BASE = 9, L_K = 10, L_GAMMA_BOTTOM = 17, L_SOURCE = 20, L_BETA = 40,
            L_BETA_R = 64;
    /** Source k of a layer at L_SOURCE + SOURCE_STRIDE * k. */
    public static final int SOURCE_STRIDE = 6;
    public static final int S_SIZE = 0, S_LANE_OFFSET = 1, S_U_SHIFT = 2, S_P_SHIFT = 3, S_X_SHIFT = 4, S_FIXED = 5;
    /** Program entry e at LAYER_STRIDE * (capacity.layers + 1) + ENTRY_STRIDE * e. */
    public static final int ENTRY_STRIDE = 16;
    public static final int E_LAYER = 0, E_FLAGS = 1, E_BANK = 2, E_OUT_BASE = 3, E_SOURCE = 4;
    /** Per source k of an entry at E_SOURCE + 3 k: kind, from layer, from bank. */
    public static final int E_SOURCE_STRIDE = 3;
    public static final int FLAG_LAST = 1, FLAG_OUTPUT = 2;
    public static final int SRC_INPUT = 0, SRC_LABEL = 1, SRC_SPIKES = 2, SRC_ZEROS = 3;
    public static final int KIND_GRAETZ = 0, KIND_SCHNEIDER = 1;

    // ---- native status codes of the simulation shim (negative returns)
    public static final int ERR_TIMEOUT = -1, ERR_FATAL = -2, ERR_ARG = -3, ERR_NOTRACE = -4;

    /** The CONFIG word of a layer field. */
    public static int layerWord(int layer, int field) {
        return LAYER_STRIDE * (layer + 1) + field;
    }

    /** The CONFIG word of a source field of a layer. */
    public static int sourceWord(int layer, int source, int field) {
        return layerWord(layer, L_SOURCE + SOURCE_STRIDE * source + field);
    }

    /** The CONFIG word of an entry field, for an array built for {@code layerCapacity} layers. */
    public static int entryWord(int layerCapacity, int entry, int field) {
        return LAYER_STRIDE * (layerCapacity + 1) + ENTRY_STRIDE * entry + field;
    }

    /** The port address of a word: region[31:28], unit[27:20], word[19:0]. */
    public static int address(int region, int unit, int word) {
        if (region < 0 || region > 15) throw new IllegalArgumentException("region must be in 0..15, got " + region);
        if (unit < 0 || unit > UNIT_MASK) throw new IllegalArgumentException("unit must be in 0..255, got " + unit);
        if (word < 0 || word > WORD_MASK) throw new IllegalArgumentException("word must be in 0..2^20-1, got " + word);
        return region << REGION_SHIFT | unit << UNIT_SHIFT | word;
    }

    /** Every public int constant, by name, in declaration order. */
    public static Map<String, Integer> constants() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Field f : RtlContract.class.getDeclaredFields()) {
            int m = f.getModifiers();
            if (Modifier.isPublic(m) && Modifier.isStatic(m) && f.getType() == int.class) {
                try {
                    out.put(f.getName(), f.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return out;
    }

    /** The C header of the constants ({@code #define IFM_<NAME> value}), which the simulation shim includes. */
    public static String cHeader() {
        StringBuilder b = new StringBuilder("// Generated from org.infomorph.compiler.rtl.RtlContract: do not edit.\n#pragma once\n");
        constants().forEach((k, v) -> b.append("#define IFM_").append(k).append(' ').append(v).append('\n'));
        return b.toString();
    }
}
