package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.infomorph.compiler.mapping.BlockMeasurement;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.compiler.mapping.MemoryShape;
import org.infomorph.compiler.mapping.MemoryShape.Ports;
import org.infomorph.compiler.mapping.RamTemplate;
import org.infomorph.runtime.sim.SimException;

/**
 * Measures what yosys makes of the memory templates ({@link RamTemplate}) for a grid of shapes,
 * per family and memory kind: the data {@code BlockMapping} is checked against (docs/synthesis.md).
 *
 * <p>Shapes are synthesised in batches, one module each under a wrapper top, with the hierarchy
 * kept so every module has its own cell table (a module alone maps as it does flattened into a
 * design; the CI test checks a few shapes alone). A batch that yosys refuses is measured again
 * shape by shape, so each refusal is recorded with its message.
 */
public final class BlockMappingGrid {
    private BlockMappingGrid() {}

    /** One shape to synthesise for one family, asking for one memory kind (a primitive name). */
    public record Case(FpgaFamily family, String kind, MemoryShape shape) {
        String module() {
            return String.format(Locale.ROOT, "M_%s_%d_%d", shape.ports().id, shape.depthWords(), shape.widthBits());
        }

        String verilog() {
            if (shape.ports() == Ports.ROM) return RamTemplate.rom(module(), shape.depthWords(), shape.widthBits(), BlockMappingGrid::romWord);
            return RamTemplate.fixedModule(module(), shape, FpgaFamily.ramStyle(kind));
        }
    }

    /** Depths of the full grid: powers of two from 16 to 65,536 and a few others. */
    public static final int[] DEPTHS = {16, 32, 33, 64, 100, 128, 256, 300, 512, 1000, 1024, 2048, 3000, 4096, 5000, 8192, 16384, 20000, 32768,
        40000, 65536};
    /** Widths of the full grid, around every block's port widths. */
    public static final int[] WIDTHS = {1, 2, 3, 4, 5, 8, 9, 12, 13, 16, 17, 18, 20, 24, 32, 36, 40, 48, 64};
    /** ROMs are case statements of one line per word, so their grid stops at 4,096 words. */
    public static final int[] ROM_DEPTHS = {16, 33, 64, 100, 256, 512, 1000, 1024, 2048, 4096};
    public static final int[] ROM_WIDTHS = {1, 4, 8, 9, 13, 16, 18, 32, 36};

    /** The (family, kind, ports) combinations the RTL can ask for. */
    static List<Case> combinations(int depth, int width) {
        List<Case> c = new ArrayList<>();
        for (FpgaFamily f : FpgaFamily.values())
            for (String kind : new java.util.TreeSet<>(f.blockKinds()))
                for (Ports p : List.of(Ports.ONE_READ_ONE_WRITE, Ports.ONE_READ_WRITE)) c.add(new Case(f, kind, new MemoryShape(p, depth, width)));
        return c;
    }

    /** ROM cases: the family's block RAM (not SPRAM, which cannot be initialised). */
    static List<Case> roms(int depth, int width) {
        List<Case> c = new ArrayList<>();
        for (FpgaFamily f : FpgaFamily.values())
            for (String kind : new java.util.TreeSet<>(f.blockKinds()))
                if (!kind.equals("SB_SPRAM256KA")) c.add(new Case(f, kind, new MemoryShape(Ports.ROM, depth, width)));
        return c;
    }

    /** The whole grid: {@link #DEPTHS} x {@link #WIDTHS} for every RAM combination, {@link #ROM_DEPTHS} x {@link #ROM_WIDTHS} for ROMs. */
    public static List<Case> full() {
        List<Case> out = new ArrayList<>();
        for (int d : DEPTHS) for (int w : WIDTHS) out.addAll(combinations(d, w));
        for (int d : ROM_DEPTHS) for (int w : ROM_WIDTHS) out.addAll(roms(d, w));
        return sorted(out);
    }

    /** A few shapes per family and kind that exercise every rule (for the CI test): a few seconds of yosys each. */
    public static List<Case> quick() {
        List<Case> out = new ArrayList<>();
        for (int[] s : new int[][] {{256, 16}, {1000, 9}, {4096, 36}, {16384, 16}}) out.addAll(combinations(s[0], s[1]));
        out.addAll(roms(256, 8)); // the sigmoid table
        out.addAll(roms(33, 13)); // the log2 table
        return sorted(out);
    }

    private static List<Case> sorted(List<Case> cases) {
        return cases.stream().sorted(java.util.Comparator.comparing((Case c) -> c.family().ordinal()).thenComparing(Case::kind)
                .thenComparing(c -> c.shape().ports().ordinal()).thenComparingInt(c -> c.shape().depthWords()).thenComparingInt(c -> c.shape().widthBits()))
                .toList();
    }

    /** A fixed pseudo-random ROM word (xorshift), so yosys cannot simplify the table. */
    static long romWord(int address) {
        long x = 0x9E3779B97F4A7C15L ^ (address * 0xBF58476D1CE4E5B9L);
        x ^= x << 13;
        x ^= x >>> 7;
        x ^= x << 17;
        return x;
    }

    /**
     * Measures every case, in batches of at most {@code batch} shapes of one family, kind and port
     * kind; progress lines (with each batch's time) go to {@code log}.
     */
    public static List<BlockMeasurement> measure(List<Case> cases, Path work, int batch, Duration timeout, String yosys, PrintWriter log) {
        Map<String, List<Case>> groups = new LinkedHashMap<>();
        for (Case c : cases) groups.computeIfAbsent(c.family().id + "-" + c.kind() + "-" + c.shape().ports().id, k -> new ArrayList<>()).add(c);
        List<BlockMeasurement> out = new ArrayList<>();
        for (Map.Entry<String, List<Case>> g : groups.entrySet()) {
            List<Case> all = g.getValue();
            for (int i = 0; i < all.size(); i += batch) {
                List<Case> part = all.subList(i, Math.min(all.size(), i + batch));
                long t0 = System.nanoTime();
                List<BlockMeasurement> m;
                String how = "batch";
                try {
                    m = measureBatch(part, work.resolve(g.getKey() + "-" + i), timeout, yosys);
                } catch (SimException e) {
                    how = "one by one (" + e.getMessage().lines().findFirst().orElse("") + ")";
                    m = new ArrayList<>();
                    for (Case c : part) m.add(measureAlone(c, work.resolve(g.getKey() + "-" + i + "-" + c.module()), timeout, yosys));
                }
                out.addAll(m);
                log.printf(Locale.ROOT, "%s: %d shapes from %s in %.1f s, %s%n", g.getKey(), part.size(), part.get(0).shape(), (System.nanoTime() - t0) / 1e9,
                        how.length() > 160 ? how.substring(0, 160) + "..." : how);
                log.flush();
            }
        }
        return out;
    }

    /** One case alone, flattened as a top module: what the CI test reruns. */
    public static BlockMeasurement measureAlone(Case c, Path dir, Duration timeout, String yosys) {
        try {
            Files.createDirectories(dir);
            Path v = dir.resolve(c.module() + ".v");
            Files.writeString(v, c.verilog(), StandardCharsets.UTF_8);
            try {
                Resources r = Synth.run(new Synth.Request(List.of(v), c.module(), c.family(), java.util.Optional.empty(), false, timeout), yosys);
                return measurement(c, r.cells());
            } catch (SimException e) {
                if (e.getMessage().contains("timed out") || e.getMessage().contains("not found")) throw e;
                String msg = e.getMessage();
                int at = msg.lastIndexOf("ERROR:");
                return new BlockMeasurement(c.family(), c.kind(), c.shape(), BlockMeasurement.Outcome.REFUSED, Map.of(), 0, 0, 0,
                        at >= 0 ? msg.substring(at).strip() : msg);
            }
        } catch (IOException e) {
            throw new SimException("block-mapping measurement in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    static List<BlockMeasurement> measureBatch(List<Case> part, Path dir, Duration timeout, String yosys) {
        try {
            Files.createDirectories(dir);
            StringBuilder v = new StringBuilder();
            for (Case c : part) v.append(c.verilog());
            v.append(wrapper(part));
            Path file = dir.resolve("grid.v");
            Files.writeString(file, v, StandardCharsets.UTF_8);
            Map<String, Map<String, Integer>> modules = Synth.modules(
                    new Synth.Request(List.of(file), "IfmGrid", part.get(0).family(), java.util.Optional.empty(), true, timeout), yosys);
            List<BlockMeasurement> out = new ArrayList<>();
            for (Case c : part) {
                Map<String, Integer> cells = modules.get(c.module());
                if (cells == null) throw new SimException("yosys stat has no table for " + c.module() + " (modules " + modules.keySet() + ")");
                out.add(measurement(c, cells));
            }
            return out;
        } catch (IOException e) {
            throw new SimException("block-mapping measurement in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Classifies a module's cells: block primitives of any kind, LUTs, FFs and LUT RAM. */
    static BlockMeasurement measurement(Case c, Map<String, Integer> cells) {
        Resources r = new Resources(c.family(), cells, 0, "");
        Map<String, Integer> prims = new TreeMap<>();
        for (var e : cells.entrySet())
            for (String k : c.family().blockKinds()) if (c.family().blocksOf(k, e.getKey()) > 0) prims.put(e.getKey(), e.getValue());
        BlockMeasurement.Outcome o = prims.isEmpty() ? BlockMeasurement.Outcome.LOGIC : BlockMeasurement.Outcome.BLOCKS;
        return new BlockMeasurement(c.family(), c.kind(), c.shape(), o, prims, r.luts(), r.ffs(), r.lutRam(), "");
    }

    /** A top module that instantiates every case, so none is removed as unused. */
    static String wrapper(List<Case> part) {
        StringBuilder v = new StringBuilder("module IfmGrid (input clk, input [3:0] c, input [16:0] a, input [63:0] d, output [")
                .append(part.size() * 64 - 1).append(":0] q);\n");
        for (int i = 0; i < part.size(); i++) {
            Case cs = part.get(i);
            MemoryShape s = cs.shape();
            int ab = s.addressBits(), w = s.widthBits();
            String addr = "a[" + (ab - 1) + ":0]", out = "q[" + (i * 64 + w - 1) + ":" + (i * 64) + "]", data = "d[" + (w - 1) + ":0]";
            v.append("  ").append(cs.module()).append(" u").append(i).append(" (.clk(clk), ");
            switch (s.ports()) {
                case ONE_READ_ONE_WRITE -> v.append(".ren(c[0]), .raddr(").append(addr).append("), .rdata(").append(out).append("), .wen(c[1]), .waddr(a[16:")
                        .append(17 - ab).append("]), .wdata(").append(data).append("));\n");
                case ONE_READ_WRITE -> v.append(".en(c[0]), .we(c[1]), .addr(").append(addr).append("), .wdata(").append(data).append("), .rdata(")
                        .append(out).append("));\n");
                case ROM -> v.append(".en(c[0]), .addr(").append(addr).append("), .data(").append(out).append("));\n");
            }
        }
        return v.append("endmodule\n").toString();
    }

    /** Writes the CSV with a comment header that names the tool and the command. */
    public static void writeCsv(List<BlockMeasurement> rows, Path csv, String yosysVersion) {
        StringBuilder sb = new StringBuilder();
        sb.append("# What ").append(yosysVersion).append(" makes of the memory templates (RamTemplate): one row per family, memory kind, ports, depth and width.\n");
        sb.append("# Regenerate: infomorph calibrate memories --full --out ").append(csv.getFileName()).append(" (docs/synthesis.md)\n");
        sb.append(BlockMeasurement.HEADER).append('\n');
        for (BlockMeasurement m : rows) sb.append(m.toCsv()).append('\n');
        try {
            if (csv.getParent() != null) Files.createDirectories(csv.getParent());
            Files.writeString(csv, sb, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new SimException("cannot write " + csv + ": " + e.getMessage(), e);
        }
    }
}
