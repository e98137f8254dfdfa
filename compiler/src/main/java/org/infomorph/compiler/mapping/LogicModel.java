package org.infomorph.compiler.mapping;

import java.util.Map;
import java.util.Optional;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlMemories;
import org.infomorph.targets.TargetDescriptor;

/**
 * The logic an LLU array takes on a target before any synthesis: LUT sites (the family's own: LUT4
 * on iCE40 and ECP5, LUT6 on Xilinx; logic and LUT RAM), flip-flops and DSPs. LUTs and flip-flops
 * come from the calibration fitted to yosys ({@link LogicCalibration}, docs/synthesis.md) for the
 * target's family; DSPs are exact: one multiplier per lane, one for the neuron engine and one for the
 * table engine of a learning array.
 */
public final class LogicModel {
    private LogicModel() {}

    /**
     * Logic figures of one array.
     *
     * @param logicCells iCE40 logic cells (a LUT4 and a flip-flop each) the array packs into, in its
     *                   pin shell (nextpnr, calibrated); 0 where not modelled
     */
    public record Logic(long luts, long ffs, int dsps, boolean calibrated, long logicCells) {}

    /** The multipliers of an array: P lanes, the neuron engine, and the table engine when learning. */
    public static int dsps(GeneratorParams g) {
        return g.units() + 1 + (g.learning() ? 1 : 0);
    }

    /** The estimate for {@code g} on {@code target}; a simulator gets the iCE40 model's figures. */
    public static Logic estimate(GeneratorParams g, TargetDescriptor target) {
        FpgaFamily f = FpgaFamily.byId(target.device().family()).orElse(FpgaFamily.ICE40);
        Optional<Map<String, Double>> cal = LogicCalibration.stored().flatMap(c -> c.predict(f, g));
        double luts, ffs, cells = 0;
        if (cal.isPresent() && cal.get().containsKey("lut")) {
            cells = cal.get().getOrDefault("lc", 0.0);
            // LUT sites: logic LUTs and LUT RAM; the measured configurations include their flip-flop memories
            luts = cal.get().get("lut") + cal.get().getOrDefault("lutram", 0.0);
            ffs = cal.get().getOrDefault("ff", 0.0);
        } else {
            // provisional until calibrated: measured once on iCE40 (7 lanes, inference: 3,670 LUT4, 1,309 FFs)
            luts = 2900 + 110.0 * g.units() + (g.learning() ? 1800 + 120.0 * g.units() : 0) + (g.stochasticSpikes() ? 70.0 * g.units() : 0);
            ffs = 900 + 60.0 * g.units() + (g.learning() ? 900 + 80.0 * g.units() : 0);
            // memories in flip-flops: one FF per bit, about one LUT per two bits for the read mux
            long logicBits = RtlMemories.of(g).stream().filter(m -> g.style(m.name()).equals("logic")).mapToLong(RtlMemories.Memory::bits).sum();
            ffs += logicBits;
            luts += logicBits / 2.0;
            if (f == FpgaFamily.XILINX7) luts /= 1.6; // a LUT6 holds about 1.6 LUT4s
        }
        return new Logic(Math.round(luts), Math.round(ffs), dsps(g), cal.isPresent(), Math.round(cells));
    }

    /** The target's LUTs (unlimited: Long.MAX_VALUE). */
    public static long capacity(TargetDescriptor t) {
        return t.logic().count().map(Integer::longValue).orElse(Long.MAX_VALUE);
    }
}
