package org.infomorph.runtime.fpga;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.sim.SimBuild;

/**
 * What {@code infomorph synth} and the calibration take from the rest of the toolchain, each in
 * one function: the generator parameters of an image, the RTL of those parameters and the
 * compiler's estimate. A new generator or estimate plugs in here and nowhere else.
 */
public final class SynthInputs {
    private SynthInputs() {}

    /** An emitted design: the Verilog file and its top module. */
    public record Rtl(Path file, String top) {}

    /** The generator parameters of {@code image} compiled for a target (its unit count). */
    public static GeneratorParams generator(Image image, Compilation compilation) {
        return generator(image, compilation.mapping().units());
    }

    /** Today's generator: the array's capacities from the image's layout on {@code units} units, no fault. */
    public static GeneratorParams generator(Image image, int units) {
        return new GeneratorParams(image.arch(), units, RtlLayout.of(image, units).capacity(), -1);
    }

    /** Emits the RTL of {@code p} into {@code dir} (kept when unchanged): today SimBuild's LluArray.sv, from the Chisel generator. */
    public static Rtl rtl(GeneratorParams p, Path dir) {
        return new Rtl(SimBuild.defaults().emitVerilog(p, dir), top());
    }

    /** The top module of the emitted RTL. */
    public static String top() {
        return SimBuild.TOP;
    }

    /** What, besides the parameters, decides the emitted RTL (a cache key part): the generator's classes. */
    public static String generatorVersion() {
        return SimBuild.generatorVersion();
    }

    /**
     * The compiler's estimate per figure: {@code lut}, {@code dsp} and the target's memory-kind
     * names (blocks); absent figures have no estimate. Today: the compilation's {@link
     * org.infomorph.compiler.mapping.Estimates}.
     */
    public static Map<String, Double> estimate(Compilation c) {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("lut", (double) c.estimates().lutEstimate());
        e.put("dsp", (double) c.estimates().dspsUsed());
        for (var m : c.target().memories()) e.put(m.name(), (double) c.estimates().memoryBlocks().getOrDefault(m.name(), 0L));
        return e;
    }
}
