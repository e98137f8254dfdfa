package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.LogicCalibration;
import org.infomorph.compiler.mapping.LogicFeature;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.sim.SimException;

/**
 * The calibration of {@code fit}'s logic model: synthesise generator configurations for each
 * family, keep the figures in {@code calibration-<family>.csv} and fit {@link LogicCalibration}.
 */
public final class LogicCalibrationRun {
    private LogicCalibrationRun() {}

    public static final String CONFIGS = "calibration-configs.json";
    public static final String CONFIGS_FORMAT = "infomorph-calibration-configs/2";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * The configurations file: {@code {"format": ..., "recipes": [...], "configurations": {family: [generator.json, ...]}}};
     * the recipes are a record of how {@link CalibrationConfigs} made them.
     */
    public static Map<FpgaFamily, List<GeneratorParams>> readConfigs(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (!CONFIGS_FORMAT.equals(root.path("format").asText()))
                throw InvalidInputException.at(file.toString(), "format", "must be \"" + CONFIGS_FORMAT + "\", got " + root.get("format")
                        + "; write it again with infomorph calibrate configs");
            JsonNode fams = root.path("configurations");
            if (!fams.isObject() || fams.isEmpty())
                throw InvalidInputException.at(file.toString(), "configurations", "must be an object of generator parameter arrays per family");
            Map<FpgaFamily, List<GeneratorParams>> out = new LinkedHashMap<>();
            for (var it = fams.fields(); it.hasNext();) {
                var e = it.next();
                FpgaFamily f = FpgaFamily.byId(e.getKey()).orElseThrow(() -> InvalidInputException.at(file.toString(), "configurations." + e.getKey(),
                        "is not a family; use ice40, ecp5 or xilinx7"));
                List<GeneratorParams> l = new ArrayList<>();
                for (int i = 0; i < e.getValue().size(); i++)
                    l.add(GeneratorParams.parse(e.getValue().get(i), file + ": configurations." + f.id + "[" + i + "]"));
                out.put(f, List.copyOf(l));
            }
            return out;
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file.toString(), null, "file not found; give --configs FILE");
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
    }

    public static String configsJson(Map<FpgaFamily, List<GeneratorParams>> configs) {
        ObjectNode root = JSON.createObjectNode().put("format", CONFIGS_FORMAT);
        ArrayNode recipes = root.putArray("recipes");
        for (CalibrationConfigs.Recipe r : CalibrationConfigs.RECIPES)
            recipes.addObject().put("network", r.network()).put("arch", r.arch().isEmpty() ? "defaults" : r.arch()).put("mode", r.mode().name())
                    .put("units", r.units());
        ObjectNode fams = root.putObject("configurations");
        configs.forEach((f, l) -> {
            ArrayNode arr = fams.putArray(f.id);
            for (GeneratorParams p : l) arr.add(p.toTree());
        });
        try {
            return JSON.writeValueAsString(root) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The measured figures of a synthesis: lut, ff, dsp, lutram and each block kind of the family. */
    public static Map<String, Double> figures(Resources r) {
        Map<String, Double> f = new LinkedHashMap<>();
        f.put("lut", (double) r.luts());
        f.put("ff", (double) r.ffs());
        f.put("dsp", (double) r.dsps());
        f.put("lutram", (double) r.lutRam());
        for (String k : new TreeSet<>(r.family().blockKinds())) f.put(k, r.blocks(k));
        return f;
    }

    /** The logic cells of a placement (or of the failed one: nextpnr's utilisation before it gave up). */
    static double logicCells(NextpnrIce40.Result pr, GeneratorParams p) {
        return pr.logicCells().orElseThrow(() -> new SimException("nextpnr reported no " + NextpnrIce40.LOGIC_CELL + " count for configuration "
                + p.hash() + ": " + pr.failure()));
    }

    /** Synthesises every configuration for every family (cached by {@link SynthFlow}). */
    public static Map<FpgaFamily, List<LogicCalibration.Measurement>> measure(Map<FpgaFamily, List<GeneratorParams>> configs,
            List<FpgaFamily> families, SynthFlow.Options o, Consumer<String> progress) {
        Map<FpgaFamily, List<LogicCalibration.Measurement>> out = new LinkedHashMap<>();
        Map<FpgaFamily, List<Double>> seconds = new LinkedHashMap<>();
        for (FpgaFamily f : families)
            for (GeneratorParams p : configs.getOrDefault(f, List.of())) {
                // iCE40: place and route the pin shell too, for the logic cells (fit's verdict there)
                SynthFlow.Outcome r = SynthFlow.run(p, f, f == FpgaFamily.ICE40 ? o.withPnr(true, CalibrationConfigs.reference(f).clock().targetMHz()) : o, progress);
                progress.accept(String.format(Locale.ROOT, "%s %s: %d LUTs, %d FFs, %d DSPs (yosys %.0f s%s)", f.id, p.hash(), r.resources().luts(),
                        r.resources().ffs(), r.resources().dsps(), r.resources().seconds(), r.cached() ? ", cached" : ""));
                Map<String, Double> figs = figures(r.resources());
                r.pnr().ifPresent(pr -> figs.put("lc", logicCells(pr, p)));
                out.computeIfAbsent(f, k -> new ArrayList<>()).add(new LogicCalibration.Measurement(p, figs));
                seconds.computeIfAbsent(f, k -> new ArrayList<>()).add(r.resources().seconds());
            }
        return out;
    }

    /** {@code calibration-<family>.csv}: one row per configuration, its features and its figures. */
    public static String csv(List<LogicCalibration.Measurement> rows, String tools) {
        StringBuilder sb = new StringBuilder("# ").append(tools).append("; regenerate with: infomorph calibrate logic (docs/synthesis.md)\n");
        List<String> figures = new ArrayList<>(rows.get(0).figures().keySet());
        sb.append("config,").append(String.join(",", LogicFeature.ids())).append(',').append(String.join(",", figures)).append('\n');
        for (LogicCalibration.Measurement m : rows) {
            sb.append(m.params().hash());
            for (LogicFeature f : LogicFeature.values()) sb.append(',').append(number(f.of(m.params())));
            for (String k : figures) sb.append(',').append(number(m.figures().get(k)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Reads a family's CSV back, with the parameters of each row from the configurations (by hash). */
    public static List<LogicCalibration.Measurement> readCsv(Path csv, List<GeneratorParams> configs) {
        Map<String, GeneratorParams> byHash = new TreeMap<>();
        for (GeneratorParams p : configs) byHash.put(p.hash(), p);
        try {
            List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
            String[] head = lines.get(0).split(",");
            List<LogicCalibration.Measurement> out = new ArrayList<>();
            for (String l : lines.subList(1, lines.size())) {
                String[] f = l.split(",", -1);
                if (f.length != head.length)
                    throw InvalidInputException.at(csv.toString(), f[0], f.length + " columns where the header has " + head.length
                            + "; measure again with infomorph calibrate logic");
                GeneratorParams p = byHash.get(f[0]);
                if (p == null) throw InvalidInputException.at(csv.toString(), f[0], "no configuration with this hash in the configurations file; measure again");
                Map<String, Double> figs = new LinkedHashMap<>();
                for (int i = 1 + LogicFeature.values().length; i < head.length; i++) {
                    try {
                        figs.put(head[i], Double.parseDouble(f[i]));
                    } catch (NumberFormatException e) {
                        throw InvalidInputException.at(csv.toString(), f[0] + "." + head[i], "\"" + f[i] + "\" is not a number; measure again with infomorph calibrate logic");
                    }
                }
                out.add(new LogicCalibration.Measurement(p, figs));
            }
            return out;
        } catch (IOException e) {
            throw InvalidInputException.at(csv.toString(), null, "cannot read (" + e.getMessage() + "); run infomorph calibrate logic without --refit");
        }
    }

    /** The tool versions a CSV was measured with (its first comment line, up to the first ';'). */
    public static String tools(Path csv) {
        try {
            String first = Files.readAllLines(csv, StandardCharsets.UTF_8).get(0);
            return first.startsWith("# ") ? first.substring(2).split(";")[0].strip() : "unknown";
        } catch (IOException | IndexOutOfBoundsException e) {
            throw InvalidInputException.at(csv.toString(), null, "cannot read (" + e.getMessage() + "); run infomorph calibrate logic without --refit");
        }
    }

    /** Fits every family. */
    public static LogicCalibration fit(Map<FpgaFamily, List<LogicCalibration.Measurement>> rows, String tools) {
        Map<String, LogicCalibration.FamilyModel> fams = new TreeMap<>();
        rows.forEach((f, r) -> fams.put(f.id, LogicCalibration.fit(r)));
        return new LogicCalibration(tools, SynthInputs.generatorVersion().substring(0, 12), fams);
    }

    static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.4f", v);
    }
}
