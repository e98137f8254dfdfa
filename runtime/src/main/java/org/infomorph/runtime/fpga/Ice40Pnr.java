package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * Place and route for the iCE40 from a yosys JSON netlist: {@code nextpnr-ice40} (placement,
 * routing, timing and utilisation report), {@code icepack} (the bitstream) and {@code icetime}
 * (an independent timing figure). Tools come from {@code -Dinfomorph.nextpnr-ice40} / {@code
 * $INFOMORPH_NEXTPNR_ICE40}, likewise icepack and icetime, else PATH.
 */
public final class Ice40Pnr {
    private Ice40Pnr() {}

    /**
     * @param utilisation per nextpnr cell kind (ICESTORM_LC, ICESTORM_RAM, ICESTORM_DSP, ICESTORM_SPRAM, SB_IO ...): used and available
     * @param fmaxMHz     nextpnr's achieved maximum clock of the design's clock
     * @param targetMHz   the clock it had to meet
     * @param icetimeMHz  icetime's figure for the longest path (0 when icetime gave none)
     * @param bitstream   the .bin file
     */
    public record Report(Map<String, int[]> utilisation, double fmaxMHz, double targetMHz, double icetimeMHz, Path bitstream, double seconds) {
        public boolean timingMet() {
            return fmaxMHz >= targetMHz;
        }

        /** Used / available of a cell kind, or null. */
        public int[] cells(String kind) {
            return utilisation.get(kind);
        }
    }

    /**
     * Runs the three tools on {@code netlist} into its folder.
     *
     * @param device  nextpnr's device flag without dashes ({@code up5k})
     * @param pkg     the package ({@code sg48})
     * @param pcf     the pin constraints
     * @param freqMHz the clock timing must meet
     * @param fix     the smallest change to name when the design does not fit the chip
     */
    public static Report run(Path netlist, String device, String pkg, Path pcf, double freqMHz, String fix) {
        Path dir = netlist.toAbsolutePath().getParent();
        String base = netlist.getFileName().toString().replaceFirst("\\.json$", "");
        Path asc = dir.resolve(base + ".asc"), bin = dir.resolve(base + ".bin"), report = dir.resolve("nextpnr-report.json");
        long t0 = System.nanoTime();
        try {
            String nextpnr = tool("nextpnr-ice40", "fpga-icestorm and nextpnr-ice40");
            Path log = dir.resolve("nextpnr.log");
            try {
                SimBuild.run(List.of(nextpnr, "--" + device, "--package", pkg, "--pcf", pcf.toAbsolutePath().toString(), "--json",
                        netlist.toAbsolutePath().toString(), "--asc", asc.toString(), "--freq", fmt(freqMHz), "--report", report.toString(),
                        "--timing-allow-fail", "--seed", "1"), dir, Map.of(), log, "nextpnr-ice40");
            } catch (SimException e) {
                // nextpnr's placer says "Failed to expand region" when the design has more cells than the chip: say that instead
                String over = overfull(log);
                if (over != null) throw new SimException(base + " does not fit the " + device + ": " + over + "; " + fix + " (log " + log + ")", e);
                throw e;
            }
            SimBuild.run(List.of(tool("icepack", "fpga-icestorm"), asc.toString(), bin.toString()), dir, Map.of(), dir.resolve("icepack.log"), "icepack");
            Path icetimeLog = dir.resolve("icetime.log");
            SimBuild.run(List.of(tool("icetime", "fpga-icestorm"), "-d", device, "-P", pkg, "-p", pcf.toAbsolutePath().toString(), "-t", asc.toString()),
                    dir, Map.of(), icetimeLog, "icetime");
            Report r = parse(Files.readString(report), Files.readString(icetimeLog), freqMHz, bin);
            return new Report(r.utilisation(), r.fmaxMHz(), r.targetMHz(), r.icetimeMHz(), bin, (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new SimException("place and route of " + netlist + " failed: " + e.getMessage(), e);
        }
    }

    private static String tool(String name, String pkg) {
        String key = name.replace('-', '_').toUpperCase(java.util.Locale.ROOT);
        return SimBuild.findTool(SimBuild.configured("infomorph." + name, "INFOMORPH_" + key, name), name, "run scripts/setup-fpga (apt-get install " + pkg + ")");
    }

    private static String fmt(double mhz) {
        return String.format(java.util.Locale.ROOT, "%.2f", mhz);
    }

    /** The first cell kind nextpnr's log counts over the chip's capacity ("it needs 5321 ICESTORM_LCs, the chip has 5280"), or null. */
    static String overfull(Path nextpnrLog) {
        NextpnrIce40.Utilisation u = NextpnrIce40.utilisationFromLog(nextpnrLog);
        for (var e : u.used().entrySet())
            if (e.getValue() > u.available().get(e.getKey())) return "it needs " + e.getValue() + " " + e.getKey() + "s, the chip has " + u.available().get(e.getKey());
        return null;
    }

    private static final Pattern ICETIME = Pattern.compile("Total path delay: ([0-9.]+) ns \\(([0-9.]+) MHz\\)");

    /** Reads nextpnr's JSON report and icetime's output; the slowest clock counts. */
    static Report parse(String reportJson, String icetime, double targetMHz, Path bin) throws IOException {
        JsonNode r = new ObjectMapper().readTree(reportJson);
        Map<String, int[]> util = new TreeMap<>();
        r.path("utilization").fields().forEachRemaining(e -> util.put(e.getKey(), new int[] {e.getValue().path("used").asInt(), e.getValue().path("available").asInt()}));
        double fmax = Double.POSITIVE_INFINITY;
        for (JsonNode c : r.path("fmax")) fmax = Math.min(fmax, c.path("achieved").asDouble());
        if (fmax == Double.POSITIVE_INFINITY) fmax = 0;
        Matcher m = ICETIME.matcher(icetime);
        double it = m.find() ? Double.parseDouble(m.group(2)) : 0;
        return new Report(util, fmax, targetMHz, it, bin, 0);
    }
}
