package org.infomorph.runtime.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FPGA resource estimates of an emitted {@code LluArray.sv} from Debian's yosys: {@code
 * synth_ice40 -device u -dsp -spram} (iCE40 UltraPlus) or {@code synth_xilinx} (7-series). The
 * executable comes from {@code -Dinfomorph.yosys}, {@code $INFOMORPH_YOSYS} or PATH.
 */
public final class Synth {
    private Synth() {}

    public enum Family {
        ICE40("synth_ice40 -device u -dsp -spram -top " + SimBuild.TOP),
        XILINX("synth_xilinx -flatten -top " + SimBuild.TOP);

        final String command;

        Family(String command) {
            this.command = command;
        }
    }

    /**
     * Cells of the synthesised design.
     *
     * @param luts      SB_LUT4, or LUT1..LUT6
     * @param dsps      SB_MAC16, or DSP48E1
     * @param ramBlocks SB_SPRAM256KA + SB_RAM40_4K, or RAMB18E1 + RAMB36E1
     * @param ffs       flip-flops (SB_DFF*, or FD*)
     * @param cells     every cell type and its count
     * @param seconds   yosys wall time
     * @param note      empty, or how the run deviated from the family's command
     */
    public record Resources(Family family, int luts, int dsps, int ramBlocks, int ffs, Map<String, Integer> cells, double seconds, String note) {
        Resources withNote(String n) {
            return new Resources(family, luts, dsps, ramBlocks, ffs, cells, seconds, n);
        }
    }

    /** Debian's yosys 0.23 aborts in ice40_dsp on some wide multipliers (YosysHQ/yosys#4155, fixed upstream by #4942). */
    static final String ICE40_DSP_BUG = "ice40_dsp_pm.h";

    /** Synthesises {@code sv} (top {@code LluArray}) for a family; the log goes beside it. */
    public static Resources run(Path sv, Family family) {
        return run(sv, family, SimBuild.configured("infomorph.yosys", "INFOMORPH_YOSYS", "yosys"));
    }

    /** As {@link #run(Path, Family)} with the yosys executable given (a path, or a name on PATH). */
    public static Resources run(Path sv, Family family, String yosysTool) {
        String yosys = SimBuild.findTool(yosysTool, "yosys", "run scripts/setup-sim (apt-get install yosys)");
        try {
            return run(sv, family, family.command, yosys);
        } catch (SimException e) {
            if (family != Family.ICE40 || !e.getMessage().contains(ICE40_DSP_BUG)) throw e;
            return run(sv, family, family.command.replace(" -dsp", ""), yosys)
                    .withNote("yosys 0.23's ice40_dsp pass aborted (YosysHQ/yosys#4155); synthesised without -dsp, so multipliers are in LUTs");
        }
    }

    private static Resources run(Path sv, Family family, String command, String yosys) {
        Path abs = sv.toAbsolutePath();
        if (!Files.isRegularFile(abs)) throw new SimException(abs + ": no such file; emit the design first");
        String name = "synth-" + family.name().toLowerCase(java.util.Locale.ROOT);
        Path log = abs.resolveSibling(name + ".log");
        Path stat = abs.resolveSibling(name + ".stat");
        String script = "read_verilog -sv " + abs + "; hierarchy -top " + SimBuild.TOP + "; " + command + "; tee -q -o " + stat + " stat";
        long t0 = System.nanoTime();
        try {
            Files.deleteIfExists(stat);
            Process pr = new ProcessBuilder(List.of(yosys, "-q", "-p", script)).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            int rc = pr.waitFor();
            if (rc != 0 || !Files.isRegularFile(stat))
                throw new SimException("yosys " + command + " failed (exit " + rc + "); log " + log + ": " + SimBuild.tail(log, 5));
            return parse(family, Files.readString(stat, StandardCharsets.UTF_8), (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new SimException("yosys on " + abs + " failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("yosys interrupted");
        }
    }

    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    /** Reads the cell counts of yosys {@code stat} output (of a flat design: the last module's table). */
    static Resources parse(Family family, String stat, double seconds) {
        Map<String, Integer> cells = new TreeMap<>();
        boolean inCells = false;
        for (String line : stat.split("\\R")) {
            if (line.contains("Number of cells:")) {
                cells.clear(); // one table per module; a flat design ends with its top
                inCells = true;
                continue;
            }
            if (!inCells) continue;
            Matcher m = CELL.matcher(line);
            if (m.matches()) cells.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            else if (!line.isBlank()) inCells = false;
        }
        if (cells.isEmpty()) throw new SimException("yosys stat: no cell table found");
        int luts = 0, dsps = 0, rams = 0, ffs = 0;
        for (Map.Entry<String, Integer> e : cells.entrySet()) {
            String c = e.getKey();
            int n = e.getValue();
            if (family == Family.ICE40) {
                if (c.equals("SB_LUT4")) luts += n;
                else if (c.equals("SB_MAC16")) dsps += n;
                else if (c.equals("SB_SPRAM256KA") || c.startsWith("SB_RAM40_4K")) rams += n;
                else if (c.startsWith("SB_DFF")) ffs += n;
            } else {
                if (c.matches("LUT[1-6]")) luts += n;
                else if (c.startsWith("DSP48")) dsps += n;
                else if (c.startsWith("RAMB18") || c.startsWith("RAMB36")) rams += n;
                else if (c.matches("FD[RSCP]E(_1)?")) ffs += n;
            }
        }
        return new Resources(family, luts, dsps, rams, ffs, Map.copyOf(cells), seconds, "");
    }
}
