package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infomorph.compiler.mapping.BlockMeasurement.Outcome;
import org.infomorph.compiler.mapping.MemoryShape.Ports;

/**
 * How many memory blocks yosys 0.23 makes of one {@link RamTemplate} instance: the geometry
 * choice of its {@code memory_libmap} pass replayed for the block types of each family.
 *
 * <p>The rule (yosys {@code passes/memory/memory_libmap.cc}, {@code handle_geom}; block types from
 * {@code techlibs/{ice40,ecp5,xilinx}/*.txt} with the defines {@code synth_*} passes): for every
 * block type that has the ports the template needs, and every data width {@code w_b} the block
 * offers (abits {@code A}, so {@code 2^(A-b)} words at width index b):
 * <pre>
 *   chunks  = ceil(depth / 2^(A-b))                      address ranges of one block
 *   lanes   = width rounded up to the byte width (1 for a ROM; the port width when the type has no byte enables)
 *   blocks  = ceil(chunks * lanes / w_b)                 chunks share a block's spare lanes
 *   cost    = typeCost * blocks + 0.5 * (chunks - 1) * width + 0.5 * chunks (if chunks > 1, for the write enables)
 *           + 2 * (1 if the read port is not the write port)
 * </pre>
 * the cheapest width of each type wins (compared after truncation to an integer, as yosys does),
 * then the cheapest type (the first on a tie). A block type whose write port takes only some
 * widths is tried only at widths it can write (or at the byte width or wider, where byte enables
 * narrow the write). Checked against {@code block-mapping-yosys-0.23.csv} (docs/synthesis.md).
 *
 * <p>Quirks encoded here: iCE40 SPRAM ({@code ram_style "huge"}) has one port, so a one-read
 * one-write template is refused with "no valid mapping found" (yosys does not fall back to logic
 * when a style is forced), and a ROM cannot go to SPRAM (no initial contents); an iCE40 EBR used
 * 16 bits wide has byte (bit) enables, narrower widths do not; Xilinx 65,536 x 1 uses the
 * cascaded pair (2 RAMB36E1); a RAMB18E1 is a RAMB36E1 in half mode.
 */
public final class BlockMapping {
    private BlockMapping() {}

    /**
     * What yosys makes of a template instance.
     *
     * @param outcome    blocks, or refused (never logic: the templates force a style)
     * @param primitives the block cells and their counts (empty when refused)
     * @param blockType  the yosys block type chosen (e.g. {@code $__XILINX_BLOCKRAM_SDP_ HALF}), or why it was refused
     * @param widthBits  the port width of each block
     */
    public record Prediction(Outcome outcome, Map<String, Integer> primitives, String blockType, int widthBits) {
        /** Blocks of memory kind {@code kind} (a RAMB18E1 is half a RAMB36E1). */
        public double blocks(FpgaFamily family, String kind) {
            return primitives.entrySet().stream().mapToDouble(e -> family.blocksOf(kind, e.getKey()) * e.getValue()).sum();
        }
    }

    /** The ports a block type offers. */
    private enum BlockPorts {
        /** one read/write port (iCE40 SPRAM) */
        ONE_RW,
        /** two read/write ports (true dual port) */
        TWO_RW,
        /** one write port and one read port (simple dual port) */
        W_AND_R
    }

    /**
     * One block type of a yosys memory library (one option combination).
     *
     * @param dbits     the data widths, widest last; index b has 2^(abits-b) words
     * @param byteBits  write-enable granularity, 0 when the type has no byte enables
     * @param wrWidths  the width indices its write port takes, {min, max}
     * @param primitive the cell the techmap makes of it, and how many
     */
    record BlockType(String name, String kind, int abits, int[] dbits, int byteBits, int cost, BlockPorts ports, int[] wrWidths, boolean initialised,
            String primitive, int perBlock) {}

    private static final int[] ICE40_EBR = {2, 4, 8, 16};
    private static final int[] BYTE9_18 = {1, 2, 4, 9, 18};
    private static final int[] BYTE9_36 = {1, 2, 4, 9, 18, 36};
    private static final int[] BYTE9_72 = {1, 2, 4, 9, 18, 36, 72};

    /** The block types of each family, in the library's order (which breaks cost ties). */
    static List<BlockType> types(FpgaFamily f) {
        return switch (f) {
            // techlibs/ice40/brams.txt (HAS_BE 0 and 1) and spram.txt
            case ICE40 -> List.of(
                    new BlockType("$__ICE40_RAM4K_ HAS_BE=0", "SB_RAM40_4K", 11, ICE40_EBR, 0, 64, BlockPorts.W_AND_R, new int[] {0, 2}, true, "SB_RAM40_4K", 1),
                    new BlockType("$__ICE40_RAM4K_ HAS_BE=1", "SB_RAM40_4K", 11, ICE40_EBR, 1, 64, BlockPorts.W_AND_R, new int[] {3, 3}, true, "SB_RAM40_4K", 1),
                    new BlockType("$__ICE40_SPRAM_", "SB_SPRAM256KA", 14, new int[] {16}, 4, 2048, BlockPorts.ONE_RW, new int[] {0, 0}, false, "SB_SPRAM256KA", 1));
            // techlibs/ecp5/brams.txt
            case ECP5 -> List.of(
                    new BlockType("$__ECP5_DP16KD_", "DP16KD", 14, BYTE9_18, 9, 128, BlockPorts.TWO_RW, new int[] {0, 4}, true, "DP16KD", 1),
                    new BlockType("$__ECP5_PDPW16KD_", "DP16KD", 14, BYTE9_36, 9, 128, BlockPorts.W_AND_R, new int[] {5, 5}, true, "DP16KD", 1));
            // techlibs/xilinx/brams_xc4v.txt with HAS_SIZE_36, HAS_CASCADE, HAS_CONFLICT_BUG, HAS_MIXWIDTH_SDP (xc7)
            case XILINX7 -> List.of(
                    new BlockType("$__XILINX_BLOCKRAM_TDP_ HALF", "RAMB36E1", 14, BYTE9_18, 9, 129, BlockPorts.TWO_RW, new int[] {0, 4}, true, "RAMB18E1", 1),
                    new BlockType("$__XILINX_BLOCKRAM_TDP_ FULL", "RAMB36E1", 15, BYTE9_36, 9, 257, BlockPorts.TWO_RW, new int[] {0, 5}, true, "RAMB36E1", 1),
                    new BlockType("$__XILINX_BLOCKRAM_TDP_ CASCADE", "RAMB36E1", 16, new int[] {1, 2, 4, 9}, 9, 513, BlockPorts.TWO_RW, new int[] {0, 0}, true,
                            "RAMB36E1", 2),
                    new BlockType("$__XILINX_BLOCKRAM_SDP_ HALF", "RAMB36E1", 14, BYTE9_36, 9, 129, BlockPorts.W_AND_R, new int[] {0, 5}, true, "RAMB18E1", 1),
                    new BlockType("$__XILINX_BLOCKRAM_SDP_ FULL", "RAMB36E1", 15, BYTE9_72, 9, 257, BlockPorts.W_AND_R, new int[] {0, 6}, true, "RAMB36E1", 1));
        };
    }

    /** One geometry of one block type. */
    private record Choice(BlockType type, int widthIndex, int blocks, double cost) {}

    /**
     * What yosys 0.23 makes of a template instance of shape {@code s} in family {@code f} with the
     * ram_style that selects memory kind {@code kind} ({@link FpgaFamily#ramStyle}).
     *
     * @throws IllegalArgumentException if the family has no memory kind of that name
     */
    public static Prediction predict(FpgaFamily f, String kind, MemoryShape s) {
        List<BlockType> types = types(f).stream().filter(t -> t.kind().equals(kind)).toList();
        if (types.isEmpty()) throw new IllegalArgumentException(f.id + " has no block memory kind " + kind + " (it has " + f.blockKinds() + ")");
        // a style names a kind of block (block or huge), not a primitive: every type of that kind competes
        String style = FpgaFamily.ramStyle(kind);
        List<BlockType> candidates = types(f).stream().filter(t -> FpgaFamily.ramStyle(t.kind()).equals(style)).toList();
        Choice best = null;
        for (BlockType t : candidates) {
            Choice c = geometry(t, s);
            if (c != null && (best == null || c.cost() < best.cost())) best = c;
        }
        if (best == null) {
            String why = s.ports() == Ports.ROM ? "no block of this kind can be initialised" : "no block of this kind has a separate read and write port";
            return new Prediction(Outcome.REFUSED, Map.of(), "no valid mapping found (" + why + ")", 0);
        }
        return new Prediction(Outcome.BLOCKS, Map.of(best.type().primitive(), best.blocks() * best.type().perBlock()), best.type().name(),
                best.type().dbits()[best.widthIndex()]);
    }

    /**
     * Blocks of the target's memory {@code memoryName} (e.g. "ebr") that one template instance takes,
     * in that memory's units (a RAMB18E1 is half a bram36).
     *
     * @throws IllegalArgumentException if the target has no such memory, or yosys refuses the shape there
     */
    public static double blocks(org.infomorph.targets.TargetDescriptor target, String memoryName, MemoryShape s) {
        FpgaFamily f = FpgaFamily.of(target);
        String kind = target.memory(memoryName).orElseThrow(() -> new IllegalArgumentException(
                "target " + target.name() + " has no memory '" + memoryName + "' (it has " + target.memoryNames() + ")")).kind();
        Prediction p = predict(f, kind, s);
        if (p.outcome() == Outcome.REFUSED) throw new IllegalArgumentException(s + " cannot go to " + memoryName + " on " + target.name() + ": " + p.blockType());
        return p.blocks(f, kind);
    }

    /** memory_libmap's cost of one ROM bit in soft logic (its {@code -logic-cost-rom} default). */
    static final double LOGIC_COST_ROM_BIT = 1.0 / 16;

    /**
     * Where yosys 0.23 puts a ROM whose {@code rom_style} it does not see (the generator's ROMs
     * carry it on the always block, where yosys ignores it): the memory kind of the cheapest block
     * geometry of the family if that costs less than the ROM's bits in logic, else empty (logic).
     */
    public static Optional<String> autoRom(FpgaFamily f, MemoryShape s) {
        if (s.ports() != Ports.ROM) throw new IllegalArgumentException("autoRom is for ROMs, got " + s);
        Choice best = null;
        for (BlockType t : types(f)) {
            Choice c = geometry(t, s);
            if (c != null && (best == null || c.cost() < best.cost())) best = c;
        }
        double logic = LOGIC_COST_ROM_BIT * s.depthWords() * s.widthBits();
        return best != null && best.cost() < logic ? Optional.of(best.type().kind()) : Optional.empty();
    }

    /** The cheapest geometry of one block type, or null if the type cannot hold the template. */
    static Choice geometry(BlockType t, MemoryShape s) {
        boolean rom = s.ports() == Ports.ROM;
        if (rom && !t.initialised()) return null;
        if (s.ports() == Ports.ONE_READ_ONE_WRITE && t.ports() == BlockPorts.ONE_RW) return null;
        boolean writes = !rom;
        // the read port shares the write port only for a one-port template on a read/write port
        boolean sharedRead = s.ports() == Ports.ONE_READ_WRITE && t.ports() != BlockPorts.W_AND_R;
        int emulation = sharedRead ? 0 : 1;
        int[] dbits = t.dbits();
        int byteIndex = 0;
        for (int i = 0; i < dbits.length; i++) if (t.byteBits() >= dbits[i]) byteIndex = i;
        if (t.byteBits() == 0) byteIndex = dbits.length - 1;
        int readMax = sharedRead ? t.wrWidths()[1] : dbits.length - 1;
        Choice best = null;
        int bestTruncated = 0;
        for (int b = 0; b < dbits.length; b++) {
            int unit = b;
            if (writes) unit = Math.min(unit, t.wrWidths()[1]);
            unit = Math.min(unit, readMax);
            if (unit != b && best != null) break;
            int unitWidth = dbits[unit];
            if (writes && b < t.wrWidths()[0] && b < byteIndex) continue; // the write port cannot be this narrow
            int effectiveByte = t.byteBits() == 0 || t.byteBits() > unitWidth ? unitWidth : t.byteBits();
            if (rom) effectiveByte = 1;
            int lanes = (s.widthBits() + effectiveByte - 1) / effectiveByte * effectiveByte;
            long wordsPerBlock = 1L << (t.abits() - b);
            int chunks = (int) ((s.depthWords() - 1) / wordsPerBlock + 1);
            int blocks = (int) (((long) chunks * lanes + unitWidth - 1) / unitWidth);
            double cost = (double) t.cost() * blocks + 0.5 * (chunks - 1) * s.widthBits() + 0.5 * (writes && chunks != 1 ? chunks : 0) + 2.0 * emulation;
            if (best == null || cost < bestTruncated) {
                best = new Choice(t, unit, blocks, cost);
                bestTruncated = (int) cost;
            }
        }
        return best;
    }

    /** Every block type's best geometry (for reports and tests). */
    static List<String> describe(FpgaFamily f, MemoryShape s) {
        List<String> out = new ArrayList<>();
        for (BlockType t : types(f)) {
            Choice c = geometry(t, s);
            out.add(t.name() + ": " + (c == null ? "cannot" : c.blocks() + " x " + t.dbits()[c.widthIndex()] + " bits, cost " + c.cost()));
        }
        return out;
    }
}
