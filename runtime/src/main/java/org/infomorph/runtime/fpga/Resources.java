package org.infomorph.runtime.fpga;

import java.util.Map;
import org.infomorph.compiler.mapping.FpgaFamily;

/**
 * The cells of a synthesised design and what they take of a family's resources.
 *
 * @param family  the family synthesised for
 * @param cells   every cell type of the flattened netlist and its count
 * @param seconds yosys wall time (0 when read from the cache)
 * @param note    empty, or how the run deviated from the family's command
 */
public record Resources(FpgaFamily family, Map<String, Integer> cells, double seconds, String note) {
    public Resources {
        cells = Map.copyOf(cells);
    }

    Resources withNote(String n) {
        return new Resources(family, cells, seconds, n);
    }

    Resources withSeconds(double s) {
        return new Resources(family, cells, s, note);
    }

    /** Logic LUTs: LUT cells, plus the LUTs inside carry cells that occupy LUT sites (ECP5 CCU2C: 2). LUT RAM is {@link #lutRam()}. */
    public int luts() {
        int n = 0;
        for (var e : cells.entrySet())
            if (family.isLut(e.getKey())) n += e.getValue();
            else if (!family.isLutRam(e.getKey())) n += family.lutsOf(e.getKey()) * e.getValue();
        return n;
    }

    /** LUT sites taken by distributed (LUT) RAM and LUT shift registers. */
    public int lutRam() {
        int n = 0;
        for (var e : cells.entrySet()) if (family.isLutRam(e.getKey())) n += family.lutsOf(e.getKey()) * e.getValue();
        return n;
    }

    public int ffs() {
        return cells.entrySet().stream().filter(e -> family.isFf(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    public int dsps() {
        return cells.entrySet().stream().filter(e -> family.isDsp(e.getKey())).mapToInt(Map.Entry::getValue).sum();
    }

    /** Blocks of memory kind {@code kind} (a primitive name such as SB_RAM40_4K; on Xilinx RAMB18E1 counts half a RAMB36E1). */
    public double blocks(String kind) {
        return cells.entrySet().stream().mapToDouble(e -> family.blocksOf(kind, e.getKey()) * e.getValue()).sum();
    }
}
