package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * yosys synthesis of Verilog for an FPGA family ({@link FpgaFamily#synthCommand}): {@code
 * synth_ice40 -device u -dsp -spram}, {@code synth_ecp5} or {@code synth_xilinx -family xc7}, always
 * flattened, on Xilinx with {@code -noiopad} (the design is a core; pads belong to the board's top
 * level). The executable comes from {@code -Dinfomorph.yosys}, {@code $INFOMORPH_YOSYS} or PATH.
 */
public final class Synth {
    private Synth() {}

    /** Long enough for the small test configuration on a loaded machine; the CLI takes its own limit. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(60);

    /** Debian's yosys 0.23 aborts in ice40_dsp on some products (YosysHQ/yosys#4155): its assertion names this file. */
    static final String ICE40_DSP_BUG = "ice40_dsp_pm.h";

    static final String ICE40_DSP_NOTE = "yosys 0.23's ice40_dsp pass aborted (YosysHQ/yosys#4155); synthesised without -dsp, so multipliers are in LUTs";

    /**
     * One synthesis run.
     *
     * @param sources Verilog/SystemVerilog files
     * @param top     the top module
     * @param netlist where to write the mapped netlist (yosys JSON, the input of nextpnr), if wanted
     * @param hierarchy keep the hierarchy (one stat table per module) instead of flattening
     */
    public record Request(List<Path> sources, String top, FpgaFamily family, Optional<Path> netlist, boolean hierarchy, Duration timeout) {
        public Request {
            sources = List.copyOf(sources);
        }

        public static Request of(Path source, String top, FpgaFamily family) {
            return new Request(List.of(source), top, family, Optional.empty(), false, DEFAULT_TIMEOUT);
        }

        public Request withNetlist(Path json) {
            return new Request(sources, top, family, Optional.of(json), hierarchy, timeout);
        }

        public Request withTimeout(Duration t) {
            return new Request(sources, top, family, netlist, hierarchy, t);
        }

        public Request keepingHierarchy() {
            return new Request(sources, top, family, netlist, true, timeout);
        }
    }

    /** The yosys executable configured for this JVM (a path or a name on PATH). */
    public static String yosysTool() {
        return SimBuild.configured("infomorph.yosys", "INFOMORPH_YOSYS", "yosys");
    }

    /** {@code yosys -V}, e.g. "Yosys 0.23 (git sha1 7ce5011c24b)". */
    public static String version(String yosysTool) {
        return ToolProcess.firstLine(executable(yosysTool), "-V");
    }

    static String executable(String yosysTool) {
        return SimBuild.findTool(yosysTool, "yosys", "run scripts/setup-sim (apt-get install yosys)");
    }

    /** Synthesises a flat design with the default yosys; see {@link #run(Request, String)}. */
    public static Resources run(Path sv, String top, FpgaFamily family) {
        return run(Request.of(sv, top, family), yosysTool());
    }

    /**
     * Synthesises and returns the top's cells. On iCE40, when the ice40_dsp pass aborts (yosys
     * 0.23), synthesises again without {@code -dsp} and says so in the note.
     */
    public static Resources run(Request r, String yosysTool) {
        String stat;
        String note = "";
        try {
            stat = stat(r, r.family().synthCommand, yosysTool);
        } catch (SimException e) {
            if (r.family() != FpgaFamily.ICE40 || !e.getMessage().contains(ICE40_DSP_BUG)) throw e;
            stat = stat(r, r.family().synthCommand.replace(" -dsp", ""), yosysTool);
            note = ICE40_DSP_NOTE;
        }
        String[] parts = stat.split("\n", 2);
        double seconds = Double.parseDouble(parts[0]);
        return new Resources(r.family(), YosysStat.cells(parts[1], r.top()), seconds, note);
    }

    /** Every module's cells of a hierarchical run (see {@link Request#keepingHierarchy()}); no ice40_dsp retry. */
    static Map<String, Map<String, Integer>> modules(Request r, String yosysTool) {
        return YosysStat.modules(stat(r, r.family().synthCommand, yosysTool).split("\n", 2)[1]);
    }

    /** The yosys script of a request. */
    static String script(Request r, String synthCommand, Path stat) {
        String reads = r.sources().stream().map(p -> (p.toString().endsWith(".sv") ? "read_verilog -sv " : "read_verilog ") + p.toAbsolutePath())
                .collect(Collectors.joining("; "));
        StringBuilder cmd = new StringBuilder(synthCommand).append(" -top ").append(r.top());
        if (r.hierarchy()) {
            if (!r.family().keepHierarchy.isEmpty()) cmd.append(' ').append(r.family().keepHierarchy);
        } else if (r.family() == FpgaFamily.XILINX7) cmd.append(" -flatten");
        if (r.family() == FpgaFamily.XILINX7) cmd.append(" -noiopad");
        r.netlist().ifPresent(j -> cmd.append(" -json ").append(j.toAbsolutePath()));
        return reads + "; hierarchy -top " + r.top() + "; " + cmd + "; tee -q -o " + stat + " stat";
    }

    /** Runs yosys; returns the wall seconds on the first line, then the stat text. */
    private static String stat(Request r, String synthCommand, String yosysTool) {
        String yosys = executable(yosysTool);
        Path first = r.sources().get(0).toAbsolutePath();
        for (Path p : r.sources())
            if (!Files.isRegularFile(p)) throw new SimException(p.toAbsolutePath() + ": no such file; emit the design first");
        String name = "synth-" + r.family().id + (r.hierarchy() ? "-modules" : "");
        Path dir = first.getParent();
        Path log = dir.resolve(name + ".log");
        Path stat = dir.resolve(name + ".stat");
        try {
            Files.deleteIfExists(stat);
            ToolProcess.Outcome o = new ToolProcess(List.of(yosys, "-q", "-p", script(r, synthCommand, stat)), dir, log, r.timeout()).run();
            if (o.exitCode() != 0 || !Files.isRegularFile(stat))
                throw new SimException("yosys " + synthCommand + " failed (exit " + o.exitCode() + "); log " + log + ": " + errorLine(log));
            return String.format(Locale.ROOT, "%.3f%n", o.seconds()) + Files.readString(stat, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SimException("yosys on " + first + " failed: " + e.getMessage(), e);
        }
    }

    /** The first ERROR line of a yosys log (one line for the user), else its last lines. */
    static String errorLine(Path log) {
        try {
            for (String l : Files.readAllLines(log, StandardCharsets.UTF_8)) if (l.startsWith("ERROR:") || l.contains(ICE40_DSP_BUG)) return l.strip();
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(log unreadable)";
        }
        return SimBuild.tail(log, 3);
    }
}
