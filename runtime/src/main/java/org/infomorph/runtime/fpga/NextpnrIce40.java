package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * Place and route of a synthesised core on the iCE40UP5K (SG48) with Debian's nextpnr-ice40 0.4,
 * for utilisation and Fmax; icetime gives a second timing figure. The executables come from
 * {@code -Dinfomorph.nextpnr}/{@code $INFOMORPH_NEXTPNR} and {@code -Dinfomorph.icetime}/{@code
 * $INFOMORPH_ICETIME}, else PATH.
 *
 * <p>A core has more ports than the SG48 package has pins (the LLU array's host port alone has 170
 * bits), so it is placed inside a pin shell ({@link #shell}): every input comes from a shift
 * register fed by one pin, every output goes into one XOR-reduced, registered pin. Nothing is
 * optimised away, and the shell costs one flip-flop per input bit and about one LUT per three
 * output bits, which {@link Result} reports. No pin constraints are needed
 * ({@code --pcf-allow-unconstrained}); the board's own top level (with its host link) comes with
 * the board flow.
 */
public final class NextpnrIce40 {
    private NextpnrIce40() {}

    public static final String SHELL = "IfmPnrShell";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    /**
     * What place and route gave.
     *
     * @param routed      whether the design was placed and routed
     * @param failure     empty, or nextpnr's error line (e.g. too many cells of a kind)
     * @param used        used cells per nextpnr resource (ICESTORM_LC, ICESTORM_RAM, ICESTORM_SPRAM, ICESTORM_DSP, SB_IO, ...)
     * @param available   the device's cells per resource
     * @param fmaxMHz     nextpnr's Fmax of the core's clock after routing
     * @param icetimeMHz  icetime's figure for the same layout, if it ran
     * @param shellInputs flip-flops the pin shell adds (one per core input bit)
     * @param seconds     wall time of the shell synthesis, nextpnr and icetime
     */
    public record Result(boolean routed, String failure, Map<String, Integer> used, Map<String, Integer> available, OptionalDouble fmaxMHz,
            OptionalDouble icetimeMHz, int shellInputs, double seconds) {
        public Result {
            used = Map.copyOf(used);
            available = Map.copyOf(available);
        }

        /** Logic cells used (also of a failed placement: nextpnr's utilisation before it gave up), if nextpnr reported them. */
        public java.util.Optional<Integer> logicCells() {
            return java.util.Optional.ofNullable(used.get(LOGIC_CELL));
        }

        /** Logic cells of the chip, if nextpnr reported them. */
        public java.util.Optional<Integer> logicCellCapacity() {
            return java.util.Optional.ofNullable(available.get(LOGIC_CELL));
        }
    }

    /** nextpnr's name for an iCE40 logic cell (one LUT4 and one flip-flop). */
    public static final String LOGIC_CELL = "ICESTORM_LC";

    /** A port of the core: its name, direction and width. */
    record Port(String name, boolean input, int bits) {}

    /** The ports of module {@code top} in a yosys JSON netlist. */
    static List<Port> ports(Path netlist, String top) {
        try {
            JsonNode ports = new ObjectMapper().readTree(netlist.toFile()).path("modules").path(top).path("ports");
            if (!ports.isObject() || ports.isEmpty()) throw new SimException(netlist + ": module " + top + " has no ports in the netlist");
            List<Port> out = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = ports.fields(); it.hasNext();) {
                var e = it.next();
                String dir = e.getValue().path("direction").asText();
                if (dir.equals("inout")) throw new SimException(netlist + ": port " + e.getKey() + " of " + top + " is inout; the pin shell takes inputs and outputs only");
                out.add(new Port(e.getKey(), dir.equals("input"), e.getValue().path("bits").size()));
            }
            return out;
        } catch (IOException e) {
            throw new SimException("cannot read the netlist " + netlist + ": " + e.getMessage(), e);
        }
    }

    /** The clock input of a core: a one-bit input named clock or clk. */
    static String clock(List<Port> ports) {
        return ports.stream().filter(p -> p.input() && p.bits() == 1 && (p.name().equals("clock") || p.name().equals("clk"))).map(Port::name).findFirst()
                .orElseThrow(() -> new SimException("the core has no one-bit input named clock or clk; the pin shell needs its clock"));
    }

    /** The pin shell around {@code top}: 3 pins (clk, sin, sout) for any number of core ports. */
    static String shell(String top, List<Port> ports) {
        String clk = clock(ports);
        int in = ports.stream().filter(p -> p.input() && !p.name().equals(clk)).mapToInt(Port::bits).sum();
        int out = ports.stream().filter(p -> !p.input()).mapToInt(Port::bits).sum();
        StringBuilder v = new StringBuilder("module " + SHELL + " (input clk, input sin, output reg sout);\n");
        v.append("  reg [").append(Math.max(1, in) - 1).append(":0] shift;\n");
        v.append("  always @(posedge clk) shift <= ").append(in > 1 ? "{shift[" + (in - 2) + ":0], sin}" : "sin").append(";\n");
        v.append("  wire [").append(Math.max(1, out) - 1).append(":0] outs;\n");
        if (out == 0) v.append("  assign outs = 1'b0;\n");
        v.append("  ").append(top).append(" core (");
        List<String> conns = new ArrayList<>();
        int i = 0, o = 0;
        for (Port p : ports) {
            if (p.name().equals(clk)) conns.add("." + p.name() + "(clk)");
            else if (p.input()) {
                conns.add("." + p.name() + "(shift[" + (i + p.bits() - 1) + ":" + i + "])");
                i += p.bits();
            } else {
                conns.add("." + p.name() + "(outs[" + (o + p.bits() - 1) + ":" + o + "])");
                o += p.bits();
            }
        }
        v.append(String.join(", ", conns)).append(");\n");
        v.append("  always @(posedge clk) sout <= ^outs;\nendmodule\n");
        return v.toString();
    }

    /**
     * Places and routes the core in {@code coreNetlist} (yosys JSON of module {@code top}) at the
     * target clock {@code freqMHz}; files go to {@code dir}.
     */
    public static Result run(Path coreNetlist, String top, double freqMHz, Path dir, Duration timeout, String yosysTool) {
        long t0 = System.nanoTime();
        try {
            Files.createDirectories(dir);
            List<Port> ports = ports(coreNetlist, top);
            Path shellV = dir.resolve("pnr-shell.v");
            Files.writeString(shellV, shell(top, ports), StandardCharsets.UTF_8);
            Path pnrJson = dir.resolve("pnr.json");
            String yosys = Synth.executable(yosysTool);
            // the core is already mapped: this only maps the shell and flattens
            String script = "read_json " + coreNetlist.toAbsolutePath() + "; read_verilog " + shellV.toAbsolutePath() + "; synth_ice40 -device u -top " + SHELL
                    + " -json " + pnrJson.toAbsolutePath();
            ToolProcess.Outcome y = new ToolProcess(List.of(yosys, "-q", "-p", script), dir, dir.resolve("pnr-shell.log"), timeout).run();
            if (y.exitCode() != 0) throw new SimException("yosys (pin shell) failed (exit " + y.exitCode() + "): " + Synth.errorLine(dir.resolve("pnr-shell.log")));
            int shellInputs = ports.stream().filter(p -> p.input()).mapToInt(Port::bits).sum() - 1;
            return placeAndRoute(pnrJson, freqMHz, dir, timeout, shellInputs, t0);
        } catch (IOException e) {
            throw new SimException("place and route in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * Places and routes a mapped netlist whose top already has few pins (yosys JSON of a whole
     * design, e.g. the array in its {@code HostShell}); {@code shellFlipFlops} is what the shell adds.
     */
    public static Result placeAndRoute(Path netlist, double freqMHz, Path dir, Duration timeout, int shellFlipFlops) {
        return placeAndRoute(netlist, freqMHz, dir, timeout, shellFlipFlops, System.nanoTime());
    }

    private static Result placeAndRoute(Path pnrJson, double freqMHz, Path dir, Duration timeout, int shellInputs, long t0) {
        try {
            Files.createDirectories(dir);
            String nextpnr = SimBuild.findTool(SimBuild.configured("infomorph.nextpnr", "INFOMORPH_NEXTPNR", "nextpnr-ice40"), "nextpnr-ice40",
                    "run scripts/setup-sim (apt-get install nextpnr-ice40)");
            Path report = dir.resolve("pnr-report.json"), asc = dir.resolve("pnr.asc"), log = dir.resolve("nextpnr.log");
            Files.deleteIfExists(report);
            Files.deleteIfExists(asc);
            List<String> cmd = List.of(nextpnr, "--up5k", "--package", "sg48", "--json", pnrJson.toString(), "--asc", asc.toString(), "--freq",
                    String.format(Locale.ROOT, "%.2f", freqMHz), "--report", report.toString(), "--pcf-allow-unconstrained", "--timing-allow-fail",
                    "--seed", "1");
            ToolProcess.Outcome n = new ToolProcess(cmd, dir, log, timeout).run();
            if (n.exitCode() != 0 || !Files.isRegularFile(report)) {
                Utilisation u = utilisationFromLog(log);
                return new Result(false, Synth.errorLine(log), u.used(), u.available(), OptionalDouble.empty(), OptionalDouble.empty(), shellInputs,
                        (System.nanoTime() - t0) / 1e9);
            }
            Result r = parseReport(Files.readString(report, StandardCharsets.UTF_8), shellInputs, 0);
            OptionalDouble icetime = icetime(asc, dir, timeout);
            return new Result(true, "", r.used(), r.available(), r.fmaxMHz(), icetime, shellInputs, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new SimException("place and route in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Reads nextpnr's --report JSON: utilisation and the Fmax of the design's clock. */
    static Result parseReport(String json, int shellInputs, double seconds) {
        try {
            JsonNode root = new ObjectMapper().readTree(json);
            Map<String, Integer> used = new TreeMap<>(), available = new TreeMap<>();
            root.path("utilization").fields().forEachRemaining(e -> {
                used.put(e.getKey(), e.getValue().path("used").asInt());
                available.put(e.getKey(), e.getValue().path("available").asInt());
            });
            OptionalDouble fmax = OptionalDouble.empty();
            // one clock (clk of the test shell, clock of the array's HostShell): the slowest if there were more
            for (Iterator<Map.Entry<String, JsonNode>> it = root.path("fmax").fields(); it.hasNext();) {
                double a = it.next().getValue().path("achieved").asDouble();
                if (fmax.isEmpty() || a < fmax.getAsDouble()) fmax = OptionalDouble.of(a);
            }
            return new Result(true, "", used, available, fmax, OptionalDouble.empty(), shellInputs, seconds);
        } catch (IOException e) {
            throw new SimException("cannot read the nextpnr report: " + e.getMessage(), e);
        }
    }

    record Utilisation(Map<String, Integer> used, Map<String, Integer> available) {}

    private static final Pattern UTIL = Pattern.compile("Info:\\s+(\\w+):\\s+(\\d+)/\\s*(\\d+)\\s+\\d+%");

    /** The "Device utilisation" lines nextpnr prints before it gives up (the first table: what the design asks for). */
    static Utilisation utilisationFromLog(Path log) {
        Map<String, Integer> used = new TreeMap<>(), available = new TreeMap<>();
        try {
            for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                Matcher m = UTIL.matcher(l);
                if (m.find() && !used.containsKey(m.group(1))) {
                    used.put(m.group(1), Integer.parseInt(m.group(2)));
                    available.put(m.group(1), Integer.parseInt(m.group(3)));
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // no figures then; the error line says why
        }
        return new Utilisation(used, available);
    }

    private static final Pattern ICETIME = Pattern.compile("Total path delay: [0-9.]+ ns \\(([0-9.]+) MHz\\)");

    /** icetime's Fmax of a placed and routed layout, or empty when icetime is missing or fails. */
    static OptionalDouble icetime(Path asc, Path dir, Duration timeout) {
        String tool = SimBuild.configured("infomorph.icetime", "INFOMORPH_ICETIME", "icetime");
        String exe;
        try {
            exe = SimBuild.findTool(tool, "icetime", "apt-get install fpga-icestorm");
        } catch (SimException e) {
            return OptionalDouble.empty();
        }
        Path log = dir.resolve("icetime.log");
        ToolProcess.Outcome o = new ToolProcess(List.of(exe, "-d", "up5k", "-P", "sg48", "-t", asc.toString()), dir, log, timeout).run();
        if (o.exitCode() != 0) return OptionalDouble.empty();
        try {
            Matcher m = ICETIME.matcher(Files.readString(log, StandardCharsets.UTF_8));
            OptionalDouble last = OptionalDouble.empty();
            while (m.find()) last = OptionalDouble.of(Double.parseDouble(m.group(1)));
            return last;
        } catch (IOException e) {
            return OptionalDouble.empty();
        }
    }

    /** The nextpnr resources that correspond to the figures of {@code infomorph synth} on iCE40. */
    public static Map<String, String> figures() {
        return Map.of("lut", "ICESTORM_LC", "dsp", "ICESTORM_DSP", "SB_RAM40_4K", "ICESTORM_RAM", "SB_SPRAM256KA", "ICESTORM_SPRAM");
    }
}
