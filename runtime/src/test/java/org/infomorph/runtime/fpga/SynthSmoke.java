package org.infomorph.runtime.fpga;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * The synthesis smoke configuration every synthesis test shares (one yosys run per family, then
 * the cache): one learning LLU of the small test architecture (SimTestParams.SMALL's widths and 2
 * bins) for a tiny network, so {@code infomorph synth --units 1} reaches it from the command line.
 * It is the first calibration recipe ({@link CalibrationConfigs}).
 */
public final class SynthSmoke {
    private SynthSmoke() {}

    static Path resource(String name) {
        try {
            return Path.of(CalibrationConfigs.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final Path NETWORK = resource("synth-smoke-network.json");
    public static final Path ARCH = resource("synth-smoke-arch.json");

    /** The smoke configuration compiled for family {@code f}'s reference board (what synth --target reaches). */
    public static GeneratorParams params(org.infomorph.compiler.mapping.FpgaFamily f) {
        return CalibrationConfigs.of(CalibrationConfigs.RECIPES.get(0), f);
    }

    /** The default synthesis options (the environment's cache). */
    public static SynthFlow.Outcome synthesise(org.infomorph.compiler.mapping.FpgaFamily f) {
        return SynthFlow.run(params(f), f, SynthFlow.Options.defaults(), msg -> System.out.println("  " + msg));
    }

    /** Whether yosys is on this machine (tests that need it are skipped with this reason otherwise). */
    public static boolean yosysPresent() {
        try {
            Synth.executable(Synth.yosysTool());
            return true;
        } catch (org.infomorph.runtime.sim.SimException e) {
            return false;
        }
    }

    /** Whether yosys and nextpnr-ice40 are both on this machine (place-and-route tests are skipped otherwise). */
    public static boolean placeAndRoutePresent() {
        try {
            org.infomorph.runtime.sim.SimBuild.findTool("nextpnr-ice40", "nextpnr-ice40", "");
            return yosysPresent();
        } catch (org.infomorph.runtime.sim.SimException e) {
            return false;
        }
    }

    public static final String NO_YOSYS = "yosys is not installed (run scripts/setup-sim): synthesis tests skipped";
}
