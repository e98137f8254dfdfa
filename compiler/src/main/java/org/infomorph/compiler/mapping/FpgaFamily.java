package org.infomorph.compiler.mapping;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.targets.TargetDescriptor;

/**
 * An FPGA family as a target descriptor names it ({@code device.family}): its yosys synthesis
 * command and how the cells of that command's netlist count against the descriptor's resources.
 * The one place that knows yosys cell names.
 *
 * <p>Memory blocks are counted in the descriptor's memory kinds ({@code memories[].kind}, a
 * primitive name): a cell of that name counts 1; on Xilinx a RAMB18E1 counts half a RAMB36E1,
 * because two of them share one RAMB36 site.
 */
public enum FpgaFamily {
    /**
     * iCE40 UltraPlus: SB_LUT4, SB_DFF*, SB_MAC16, SB_RAM40_4K (EBR), SB_SPRAM256KA (SPRAM). ABC9
     * (the default of later yosys) packs the learning array into about 9% fewer logic cells than ABC.
     */
    ICE40("ice40", "synth_ice40 -device u -dsp -spram -abc9", "-noflatten", 1, name -> name.equals("SB_LUT4"), name -> name.startsWith("SB_DFF"),
            name -> name.equals("SB_MAC16"), Map.of(), Map.of("SB_RAM40_4K", Map.of("SB_RAM40_4K", 1.0, "SB_RAM40_4KNR", 1.0, "SB_RAM40_4KNW", 1.0,
                    "SB_RAM40_4KNRNW", 1.0), "SB_SPRAM256KA", Map.of("SB_SPRAM256KA", 1.0))),
    /**
     * ECP5: LUT4 (plus TRELLIS_COMB, and 2 per CCU2C carry cell, which occupies a slice's two
     * LUT4s), TRELLIS_FF, MULT18X18D, DP16KD; TRELLIS_DPR16X4 distributed RAM takes 4 LUT4s.
     */
    ECP5("ecp5", "synth_ecp5", "-noflatten", 1, name -> name.equals("LUT4") || name.equals("TRELLIS_COMB"), name -> name.equals("TRELLIS_FF"),
            name -> name.equals("MULT18X18D"), Map.of("TRELLIS_DPR16X4", 4, "CCU2C", 2),
            Map.of("DP16KD", Map.of("DP16KD", 1.0, "PDPW16KD", 1.0))),
    /**
     * Xilinx 7-series: LUT1..LUT6, FD[RSCP]E, DSP48E1, RAMB36E1 (a RAMB18E1 is half of one); LUT
     * RAM and shift registers take the LUTs of a SLICEM ({@link #lutsOf}).
     */
    XILINX7("xilinx7", "synth_xilinx -family xc7", "", 2, name -> name.matches("LUT[1-6]"), name -> name.matches("FD[RSCP]E(_1)?"),
            name -> name.equals("DSP48E1"), Map.ofEntries(Map.entry("RAM16X1D", 2), Map.entry("RAM32X1D", 2), Map.entry("RAM64X1D", 2),
                    Map.entry("RAM128X1D", 4), Map.entry("RAM32X1S", 1), Map.entry("RAM64X1S", 1), Map.entry("RAM128X1S", 2),
                    Map.entry("RAM256X1S", 4), Map.entry("RAM32M", 4), Map.entry("RAM64M", 4), Map.entry("SRL16E", 1), Map.entry("SRLC32E", 1)),
            Map.of("RAMB36E1", Map.of("RAMB36E1", 1.0, "RAMB18E1", 0.5)));

    /** As in target descriptors, e.g. {@code ice40}. */
    public final String id;
    /** The yosys command that maps a design to this family, without {@code -top}. */
    public final String synthCommand;
    /** The option of {@link #synthCommand} that keeps the hierarchy (empty when that is its default). */
    public final String keepHierarchy;
    /** Flip-flops per LUT of the logic fabric (the FF capacity is this times the LUT count). */
    public final int ffsPerLut;

    private final Predicate<String> lut, ff, dsp;
    private final Map<String, Integer> lutCellsOf;
    private final Map<String, Map<String, Double>> blockCells;

    FpgaFamily(String id, String synthCommand, String keepHierarchy, int ffsPerLut, Predicate<String> lut, Predicate<String> ff,
            Predicate<String> dsp, Map<String, Integer> lutCellsOf, Map<String, Map<String, Double>> blockCells) {
        this.id = id;
        this.synthCommand = synthCommand;
        this.keepHierarchy = keepHierarchy;
        this.ffsPerLut = ffsPerLut;
        this.lut = lut;
        this.ff = ff;
        this.dsp = dsp;
        this.lutCellsOf = lutCellsOf;
        this.blockCells = blockCells;
    }

    public static Optional<FpgaFamily> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    /** The family of a target; a simulator or an unknown family is invalid input naming the field. */
    public static FpgaFamily of(TargetDescriptor t) {
        return byId(t.device().family()).orElseThrow(() -> new InvalidInputException("target " + t.name() + ": device.family \""
                + t.device().family() + "\" has no synthesis flow; use a target of family " + Arrays.stream(values()).map(f -> f.id).toList()));
    }

    public boolean isLut(String cell) {
        return lut.test(cell);
    }

    public boolean isFf(String cell) {
        return ff.test(cell);
    }

    public boolean isDsp(String cell) {
        return dsp.test(cell);
    }

    /** LUTs taken by a cell that is not a plain LUT but occupies LUT sites (LUT RAM, carry cells, shift registers); 0 otherwise. */
    public int lutsOf(String cell) {
        return lutCellsOf.getOrDefault(cell, 0);
    }

    /** Whether the cell is distributed (LUT) RAM or a LUT shift register. */
    public boolean isLutRam(String cell) {
        return lutCellsOf.containsKey(cell) && !cell.startsWith("CCU2");
    }

    /** Whether the family builds small memories in LUT RAM; without it (iCE40) they take a flip-flop per bit and LUTs to read them. */
    public boolean hasLutRam() {
        return lutCellsOf.keySet().stream().anyMatch(this::isLutRam);
    }

    /** The block-memory primitive kinds this family has (target descriptors' {@code memories[].kind}). */
    public java.util.Set<String> blockKinds() {
        return blockCells.keySet();
    }

    /** How much of memory kind {@code kind} one cell named {@code cell} takes (0 when the cell is not of that kind). */
    public double blocksOf(String kind, String cell) {
        Map<String, Double> w = blockCells.get(kind);
        return w == null ? 0 : w.getOrDefault(cell, 0.0);
    }

    /** The yosys {@code ram_style} that selects memory kind {@code kind}: "huge" for iCE40 SPRAM, "block" otherwise. */
    public static String ramStyle(String kind) {
        return kind.equals("SB_SPRAM256KA") ? "huge" : "block";
    }

    @Override
    public String toString() {
        return id.toLowerCase(Locale.ROOT);
    }
}
