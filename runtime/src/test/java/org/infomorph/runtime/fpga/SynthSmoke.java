package org.infomorph.runtime.fpga;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * The synthesis smoke configuration every synthesis test shares (one yosys run per family, then
 * the cache): one LLU of the small test architecture (SimTestParams.SMALL's widths and 2 bins)
 * with the capacities of a tiny network, so {@code infomorph synth} reaches it from the command
 * line. It is also the first calibration configuration.
 */
public final class SynthSmoke {
    private SynthSmoke() {}

    static Path resource(String name) {
        try {
            return Path.of(SynthSmoke.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static final Path NETWORK = resource("synth-smoke-network.json");
    public static final Path ARCH = resource("synth-smoke-arch.json");

    public static GeneratorParams params() {
        ArchConfig arch = ArchConfigJson.read(ARCH);
        return org.infomorph.compiler.mapping.Compilation.withUnits(NetworkJson.read(NETWORK), arch,
                org.infomorph.targets.Targets.builtIn("ecp5-85f-ulx3s"), org.infomorph.compiler.mapping.Mode.LEARN, 1).mapping().generator();
    }

    /** The default synthesis options (the environment's cache). */
    public static SynthFlow.Outcome synthesise(org.infomorph.compiler.mapping.FpgaFamily f) {
        return SynthFlow.run(params(), f, SynthFlow.Options.defaults(), msg -> System.out.println("  " + msg));
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

    public static final String NO_YOSYS = "yosys is not installed (run scripts/setup-sim): synthesis tests skipped";
}
