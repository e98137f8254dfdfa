package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.targets.Targets;

/**
 * How the calibration configurations ({@code calibration-configs.json}) are made: small networks
 * compiled with a fixed lane count for each family's reference board, so every configuration
 * carries that family's memory styles (iCE40 SPRAM is "huge", which no other family maps). The
 * first recipe is the synthesis smoke configuration of the tests. {@code infomorph calibrate
 * configs} writes the file from these recipes.
 */
public final class CalibrationConfigs {
    private CalibrationConfigs() {}

    /** One configuration: a network and architecture resource (beside this class; "" = the defaults), the mode and the lanes. */
    public record Recipe(String network, String arch, Mode mode, int units) {}

    /**
     * The smoke configuration (one narrow lane, learning), then the default architecture at 2 and 6
     * lanes, inference and learning, then two with MNIST's 784 inputs (deep memories, wide
     * addresses): 784-32-10, learning on one narrow lane, inference on 2 lanes and learning on
     * 16 lanes (the per-lane slope of the large arrays that fit the ECP5 and Artix).
     */
    public static final List<Recipe> RECIPES = List.of(
            new Recipe("synth-smoke-network.json", "synth-smoke-arch.json", Mode.LEARN, 1),
            new Recipe("calibration-network.json", "", Mode.INFER, 2),
            new Recipe("calibration-network.json", "", Mode.INFER, 6),
            new Recipe("calibration-network.json", "", Mode.LEARN, 2),
            new Recipe("calibration-network.json", "", Mode.LEARN, 6),
            new Recipe("calibration-mnist-network.json", "synth-smoke-arch.json", Mode.LEARN, 1),
            new Recipe("calibration-mnist-network.json", "", Mode.INFER, 2),
            new Recipe("calibration-mnist-network.json", "", Mode.LEARN, 16));

    /** The board whose memories a family's configurations are compiled for. */
    public static TargetDescriptor reference(FpgaFamily f) {
        return Targets.builtIn(switch (f) {
            case ICE40 -> "ice40up5k-icebreaker";
            case ECP5 -> "ecp5-85f-ulx3s";
            case XILINX7 -> "xc7a35t-arty-a7";
        });
    }

    public static NetworkSpec network(String resource) {
        return NetworkJson.parse(text(resource), resource);
    }

    public static ArchConfig arch(String resource) {
        return resource.isEmpty() ? ArchConfig.defaults() : ArchConfigJson.parse(text(resource), resource);
    }

    /** The generator parameters of one recipe for one family. */
    public static GeneratorParams of(Recipe r, FpgaFamily f) {
        return Compilation.withUnits(network(r.network()), arch(r.arch()), reference(f), r.mode(), r.units()).mapping().generator();
    }

    /** Every recipe for every family. */
    public static Map<FpgaFamily, List<GeneratorParams>> generate() {
        Map<FpgaFamily, List<GeneratorParams>> out = new LinkedHashMap<>();
        for (FpgaFamily f : FpgaFamily.values()) {
            List<GeneratorParams> l = new ArrayList<>();
            for (Recipe r : RECIPES) l.add(of(r, f));
            out.put(f, List.copyOf(l));
        }
        return out;
    }

    static String text(String resource) {
        try (InputStream in = CalibrationConfigs.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(resource + " is missing beside " + CalibrationConfigs.class.getName());
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource + ": " + e.getMessage(), e);
        }
    }
}
