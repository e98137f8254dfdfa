package org.infomorph.runtime.fpga;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;
import org.infomorph.targets.TargetDescriptor;

/**
 * {@code infomorph fpga build}: from the board top's parameters to what each family's open flow
 * gives on Debian 12 (docs/host-link.md, "Bitstreams"). The steps: emit {@code BoardTop.sv};
 * synthesise with yosys; then iCE40: nextpnr-ice40, icepack and icetime, a bitstream and a timing
 * verdict; ECP5: a script for nextpnr-ecp5 and ecppack (not in Debian 12); Xilinx 7: a Vivado Tcl
 * project. Each build is cached under {@code <cache>/fpga/<target>-<board hash>/}.
 */
public final class BoardFlow {
    private BoardFlow() {}

    /**
     * @param cells   the synthesised cells (yosys stat of the top)
     * @param pnr     the iCE40 place-and-route report, or null for the other families
     * @param outputs the files written to the output folder
     */
    public record Result(Path dir, TargetDescriptor target, BoardParams params, Map<String, Integer> cells, String synthNote, Ice40Pnr.Report pnr,
                         List<Path> outputs, boolean cached) {}

    /** The host-link baud of a target: the fastest common USB-UART rate whose bit time is a whole number (>= 4) of board clocks. */
    public static int baud(TargetDescriptor t) {
        long clock = clockHz(t);
        long line = t.hostLink().bitsPerSecond().map(b -> b * 10 / 8).orElse(3_000_000L);
        for (int b : new int[] {3_000_000, 2_000_000, 1_500_000, 1_000_000, 500_000, 250_000, 115_200})
            if (b <= line && clock % b == 0 && clock / b >= 4) return b;
        throw new InvalidInputException(t.name() + ": clock.boardMHz " + t.clock().boardMHz() + " has no UART rate with a whole number of clocks per bit; give a clock that 3 MHz or 1 MHz divides");
    }

    public static int clockHz(TargetDescriptor t) {
        return (int) Math.round(t.clock().boardMHz() * 1e6);
    }

    /** Builds, or takes from the cache, and copies the results into {@code out}. */
    public static Result build(BoardParams bp, TargetDescriptor t, Path out, Path cache) {
        String family = t.device().family();
        if (!List.of("ice40", "ecp5", "xilinx7").contains(family))
            throw new InvalidInputException("target " + t.name() + ": device.family " + family + " has no FPGA flow; use an ice40, ecp5 or xilinx7 target");
        String pins = t.constraints().orElseThrow(() -> new InvalidInputException("target " + t.name() + ": constraints is null; name a pin-constraint file"));
        Path dir = cache.resolve("fpga").resolve(t.name() + "-" + bp.hash());
        try {
            Files.createDirectories(dir);
            Path stamp = dir.resolve("flow.stamp");
            String want = stamp(bp, t);
            boolean cached = Files.isRegularFile(stamp) && Files.readString(stamp).equals(want);
            if (!cached) {
                Files.deleteIfExists(stamp);
                Path sv = SimBoardBuild.emit(cache, dir, bp);
                Path pcf = constraints(pins, dir);
                synthesise(dir, sv, family);
                if (family.equals("ice40"))
                    Ice40Pnr.run(dir.resolve("BoardTop.json"), ice40Device(t), t.device().packageName(), pcf, t.clock().boardMHz(), whenOver(bp));
                else if (family.equals("ecp5")) Files.writeString(dir.resolve("pnr-ecp5.sh"), FlowScripts.ecp5(t, pins, bp), StandardCharsets.UTF_8);
                else Files.writeString(dir.resolve("vivado.tcl"), FlowScripts.vivado(t, pins), StandardCharsets.UTF_8);
                Files.writeString(stamp, want);
            }
            Ice40Pnr.Report pnr = null;
            if (family.equals("ice40"))
                pnr = Ice40Pnr.parse(Files.readString(dir.resolve("nextpnr-report.json")), Files.readString(dir.resolve("icetime.log")), t.clock().boardMHz(),
                        dir.resolve("BoardTop.bin"));
            String note = Files.exists(dir.resolve("synth.note")) ? Files.readString(dir.resolve("synth.note")).strip() : "";
            Map<String, Integer> cells = cells(Files.readString(dir.resolve("synth.stat")));
            List<Path> outputs = copyOut(dir, out, pins);
            Result r = new Result(dir, t, bp, cells, note, pnr, outputs, cached);
            Files.writeString(out.resolve("report.json"), reportJson(r));
            return r;
        } catch (IOException e) {
            throw new SimException("the FPGA flow in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static String ice40Device(TargetDescriptor t) {
        String part = t.device().part().toLowerCase(Locale.ROOT).replace("ice40", "");
        return part.isEmpty() ? "up5k" : part;
    }

    private static Path constraints(String name, Path dir) throws IOException {
        try (InputStream in = BoardFlow.class.getClassLoader().getResourceAsStream("org/infomorph/fpga/constraints/" + name)) {
            if (in == null) throw new InvalidInputException("constraints " + name + " is not in the fpga module (fpga/src/main/resources/org/infomorph/fpga/constraints/)");
            Path f = dir.resolve(name);
            Files.copy(in, f, StandardCopyOption.REPLACE_EXISTING);
            return f;
        }
    }

    /** yosys ice40 crash on some products (YosysHQ/yosys#4155): retried without -dsp. */
    private static final String ICE40_DSP_BUG = "ice40_dsp_pm.h";

    private static void synthesise(Path dir, Path sv, String family) throws IOException {
        String yosys = SimBuild.findTool(SimBuild.configured("infomorph.yosys", "INFOMORPH_YOSYS", "yosys"), "yosys", "run scripts/setup-sim (apt-get install yosys)");
        String synth = switch (family) {
            case "ice40" -> FpgaFamily.ICE40.synthCommand + " -top BoardTop -json BoardTop.json";
            case "ecp5" -> FpgaFamily.ECP5.synthCommand + " -top BoardTop -json BoardTop.json";
            default -> FpgaFamily.XILINX7.synthCommand + " -flatten -top BoardTop";
        };
        Files.deleteIfExists(dir.resolve("synth.note"));
        try {
            yosys(yosys, dir, sv, synth);
        } catch (SimException e) {
            if (!family.equals("ice40") || !e.getMessage().contains(ICE40_DSP_BUG)) throw e;
            yosys(yosys, dir, sv, synth.replace(" -dsp", ""));
            Files.writeString(dir.resolve("synth.note"), "yosys 0.23's ice40_dsp pass aborted (YosysHQ/yosys#4155); synthesised without -dsp, so multipliers are in LUTs\n");
        }
    }

    private static void yosys(String yosys, Path dir, Path sv, String synth) throws IOException {
        String script = "read_verilog -sv " + sv.toAbsolutePath() + "; hierarchy -top BoardTop; " + synth + "; tee -q -o synth.stat stat";
        SimBuild.run(List.of(yosys, "-q", "-p", script), dir, Map.of(), dir.resolve("synth.log"), "yosys " + synth);
    }

    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    /** The cell table of the last module in yosys {@code stat} output (the top of a flat design). */
    static Map<String, Integer> cells(String stat) {
        Map<String, Integer> cells = new TreeMap<>();
        boolean in = false;
        for (String line : stat.split("\\R")) {
            if (line.contains("Number of cells:")) {
                cells.clear();
                in = true;
                continue;
            }
            Matcher m = CELL.matcher(line);
            if (in && m.matches()) cells.merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            else if (in && !line.isBlank()) in = false;
        }
        return cells;
    }

    private static List<Path> copyOut(Path dir, Path out, String pins) throws IOException {
        Files.createDirectories(out);
        List<Path> copied = new ArrayList<>();
        for (String f : List.of("BoardTop.bin", "BoardTop.sv", "board.json", pins, "pnr-ecp5.sh", "vivado.tcl", "BoardTop.json", "synth.stat",
                "nextpnr-report.json", "nextpnr.log", "icetime.log", "synth.log")) {
            Path src = dir.resolve(f);
            if (!Files.isRegularFile(src)) continue;
            Path dst = out.resolve(f);
            Files.copy(src, dst, StandardCopyOption.REPLACE_EXISTING);
            copied.add(dst);
        }
        return copied;
    }

    /** The smallest change that could make a board top fit: fewer units, else (one unit over already) a smaller array. */
    static String whenOver(BoardParams bp) {
        if (bp.linkTest()) return "the link alone does not fit this device";
        int units = bp.generator().units();
        if (units > 1) return "build it with fewer --units (" + units + " now)" + (bp.generator().learning() ? ", or --mode infer" : "");
        return "one LLU with the host link is already over: " + (bp.generator().learning() ? "--mode infer, " : "")
                + "a narrower architecture (--arch) or a larger device";
    }

    private static String stamp(BoardParams bp, TargetDescriptor t) throws IOException {
        return bp.hash() + " " + t.name() + " " + java.util.HexFormat.of().formatHex(SimBuild.classesDigest("org/infomorph/hw/LluArray.class")).substring(0, 16)
                + " " + java.util.HexFormat.of().formatHex(SimBuild.classesDigest("org/infomorph/fpga/BoardTop.class")).substring(0, 16) + "\n";
    }

    private static String reportJson(Result r) throws IOException {
        ObjectMapper m = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode o = m.createObjectNode();
        o.put("target", r.target().name()).put("designHash", r.params().designHash()).put("linkTest", r.params().linkTest()).put("boardHash", r.params().hash());
        o.put("clockHz", r.params().clockHz()).put("baud", r.params().baud());
        ObjectNode c = o.putObject("synthesisCells");
        r.cells().forEach(c::put);
        if (!r.synthNote().isEmpty()) o.put("synthesisNote", r.synthNote());
        if (r.pnr() != null) {
            ObjectNode p = o.putObject("placeAndRoute");
            ObjectNode u = p.putObject("utilisation");
            r.pnr().utilisation().forEach((k, v) -> u.putObject(k).put("used", v[0]).put("available", v[1]));
            p.put("fmaxMHz", r.pnr().fmaxMHz()).put("targetMHz", r.pnr().targetMHz()).put("timingMet", r.pnr().timingMet()).put("icetimeMHz", r.pnr().icetimeMHz());
            p.put("bitstream", "BoardTop.bin");
        }
        return m.writeValueAsString(o) + "\n";
    }
}
