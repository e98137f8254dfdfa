package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * Synthesis (and, on iCE40, place and route) of the RTL of some generator parameters, cached under
 * {@code <cache>/synth/<parameter hash>-<generator version>/}: one result file per family and tool
 * versions ({@code <family>-<key>.json}), the emitted RTL and the logs; place and route works in
 * {@code pnr/} (the array in its pin shell, {@link SynthInputs#shell}).
 */
public final class SynthFlow {
    private SynthFlow() {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * @param pnr     place and route too (iCE40 only)
     * @param freqMHz the clock nextpnr times against
     * @param timeout the limit of each tool run
     */
    public record Options(boolean pnr, double freqMHz, Duration timeout, Path cacheRoot) {
        public static Options defaults() {
            return new Options(false, 24, Synth.DEFAULT_TIMEOUT, SimBuild.cacheRoot());
        }

        public Options withPnr(boolean p, double mhz) {
            return new Options(p, mhz, timeout, cacheRoot);
        }
    }

    /**
     * @param resources what yosys made of the design
     * @param pnr       place and route, when asked for
     * @param cached    whether the synthesis came from the cache
     * @param dir       the cache folder of these parameters
     * @param tools     the tool versions of the result
     */
    public record Outcome(GeneratorParams params, FpgaFamily family, Resources resources, Optional<NextpnrIce40.Result> pnr, boolean cached, Path dir,
            String tools) {}

    /** The folder of one parameter set (and generator version). */
    static Path dir(Path cacheRoot, GeneratorParams p) {
        return cacheRoot.resolve("synth").resolve(p.hash() + "-" + SynthInputs.generatorVersion().substring(0, 12));
    }

    /** Synthesises (or reads the cached result) and, if asked, places and routes. */
    public static Outcome run(GeneratorParams p, FpgaFamily f, Options o, Consumer<String> progress) {
        if (o.pnr() && f != FpgaFamily.ICE40) throw new SimException("place and route (--pnr) runs only on iCE40 (nextpnr-ice40); " + f.id + " gets yosys figures");
        Path dir = dir(o.cacheRoot(), p);
        String yosys = Synth.yosysTool();
        String tools = Synth.version(yosys) + "; " + f.synthCommand + " (flat" + (f == FpgaFamily.XILINX7 ? ", -noiopad" : "") + ")";
        String key = NetworkStore.sha256(tools.getBytes(StandardCharsets.UTF_8)).substring(0, 12);
        Path result = dir.resolve(f.id + "-" + key + ".json");
        Resources r = read(result, f);
        boolean cached = r != null;
        if (!cached) {
            progress.accept("emitting the RTL of " + p.hash() + " (" + p.units() + " unit" + (p.units() > 1 ? "s" : "") + ")");
            SynthInputs.Rtl rtl = SynthInputs.rtl(p, dir);
            progress.accept("yosys " + f.synthCommand + " on " + rtl.file() + " (minutes for a large array)");
            Synth.Request req = new Synth.Request(List.of(rtl.file()), rtl.top(), f, Optional.empty(), false, o.timeout());
            r = Synth.run(req, yosys);
            write(result, r, tools);
        }
        Optional<NextpnrIce40.Result> pnr = Optional.empty();
        if (o.pnr()) {
            String nextpnr = SimBuild.findTool(SimBuild.configured("infomorph.nextpnr", "INFOMORPH_NEXTPNR", "nextpnr-ice40"), "nextpnr-ice40",
                    "run scripts/setup-sim (apt-get install nextpnr-ice40)");
            String pnrTools = tools + "; " + ToolProcess.firstLine(nextpnr, "--version") + String.format(Locale.ROOT, "; %.2f MHz", o.freqMHz()) + "; shell "
                    + SynthInputs.shellVersion().substring(0, 12);
            Path pnrResult = dir.resolve("pnr-" + NetworkStore.sha256(pnrTools.getBytes(StandardCharsets.UTF_8)).substring(0, 12) + ".json");
            NextpnrIce40.Result pr = readPnr(pnrResult);
            if (pr == null) {
                // the array in its Chisel pin shell, synthesised whole, then placed and routed as it is
                progress.accept("emitting the array in its pin shell (" + SynthInputs.SHELL_TOP + ")");
                Path shellDir = dir.resolve("pnr");
                SynthInputs.Rtl shell = SynthInputs.shell(p, shellDir);
                Path shellNetlist = shellDir.resolve(SynthInputs.SHELL_TOP + "-netlist.json");
                progress.accept("yosys " + f.synthCommand + " on " + shell.file());
                Synth.run(new Synth.Request(List.of(shell.file()), shell.top(), f, Optional.of(shellNetlist), false, o.timeout()), yosys);
                progress.accept(String.format(Locale.ROOT, "nextpnr-ice40 --up5k --package sg48 at %.1f MHz (minutes)", o.freqMHz()));
                pr = NextpnrIce40.placeAndRoute(shellNetlist, o.freqMHz(), shellDir, o.timeout(), SynthInputs.SHELL_FLIP_FLOPS);
                writePnr(pnrResult, pr);
            }
            pnr = Optional.of(pr);
        }
        return new Outcome(p, f, r, pnr, cached, dir, tools);
    }

    private static Resources read(Path file, FpgaFamily f) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode n = JSON.readTree(file.toFile());
            Map<String, Integer> cells = new TreeMap<>();
            n.path("cells").fields().forEachRemaining(e -> cells.put(e.getKey(), e.getValue().asInt()));
            return new Resources(f, cells, n.path("seconds").asDouble(), n.path("note").asText(""));
        } catch (IOException e) {
            return null; // a damaged cache entry is synthesised again
        }
    }

    private static void write(Path file, Resources r, String tools) {
        ObjectNode n = JSON.createObjectNode();
        n.put("tools", tools);
        n.put("family", r.family().id);
        n.set("cells", JSON.valueToTree(new TreeMap<>(r.cells())));
        n.put("seconds", r.seconds());
        n.put("note", r.note());
        writeAtomically(file, n);
    }

    private static NextpnrIce40.Result readPnr(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            JsonNode n = JSON.readTree(file.toFile());
            Map<String, Integer> used = new TreeMap<>(), available = new TreeMap<>();
            n.path("used").fields().forEachRemaining(e -> used.put(e.getKey(), e.getValue().asInt()));
            n.path("available").fields().forEachRemaining(e -> available.put(e.getKey(), e.getValue().asInt()));
            return new NextpnrIce40.Result(n.path("routed").asBoolean(), n.path("failure").asText(""), used, available, optional(n.get("fmaxMHz")),
                    optional(n.get("icetimeMHz")), n.path("shellInputs").asInt(), n.path("seconds").asDouble());
        } catch (IOException e) {
            return null;
        }
    }

    private static OptionalDouble optional(JsonNode n) {
        return n == null || n.isNull() ? OptionalDouble.empty() : OptionalDouble.of(n.asDouble());
    }

    private static void writePnr(Path file, NextpnrIce40.Result r) {
        ObjectNode n = JSON.createObjectNode();
        n.put("routed", r.routed());
        n.put("failure", r.failure());
        n.set("used", JSON.valueToTree(new TreeMap<>(r.used())));
        n.set("available", JSON.valueToTree(new TreeMap<>(r.available())));
        if (r.fmaxMHz().isPresent()) n.put("fmaxMHz", r.fmaxMHz().getAsDouble());
        else n.putNull("fmaxMHz");
        if (r.icetimeMHz().isPresent()) n.put("icetimeMHz", r.icetimeMHz().getAsDouble());
        else n.putNull("icetimeMHz");
        n.put("shellInputs", r.shellInputs());
        n.put("seconds", r.seconds());
        writeAtomically(file, n);
    }

    private static void writeAtomically(Path file, ObjectNode n) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(tmp, JSON.writeValueAsString(n) + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new SimException("cannot write the synthesis cache " + file + ": " + e.getMessage(), e);
        }
    }
}
