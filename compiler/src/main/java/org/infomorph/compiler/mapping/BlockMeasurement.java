package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What yosys made of one memory template (a row of the block-mapping grid, docs/synthesis.md).
 *
 * @param family     the family synthesised for
 * @param kind       the memory kind asked for (a primitive name, e.g. SB_SPRAM256KA), selected by its ram_style
 * @param shape      the template and its shape
 * @param outcome    how it mapped
 * @param primitives the block-memory cells (of every kind of the family) and their counts
 * @param luts       LUTs beside the blocks (address decoding, output multiplexers; the whole memory when it fell back to logic)
 * @param ffs        flip-flops beside the blocks
 * @param lutRam     LUT sites of distributed RAM
 * @param message    empty, or yosys's error line when it refused
 */
public record BlockMeasurement(FpgaFamily family, String kind, MemoryShape shape, Outcome outcome, Map<String, Integer> primitives, int luts,
        int ffs, int lutRam, String message) {

    /** How yosys mapped a memory. */
    public enum Outcome {
        /** into blocks of the kind asked for (and maybe others) */
        BLOCKS,
        /** into LUTs, flip-flops or LUT RAM only */
        LOGIC,
        /** yosys stopped with an error (e.g. "no valid mapping found") */
        REFUSED;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String HEADER = "family,kind,ports,depth,width,outcome,primitives,luts,ffs,lutram,message";

    public BlockMeasurement {
        primitives = Map.copyOf(new TreeMap<>(primitives));
        if (message.contains(",") || message.contains("\n")) message = message.replace(',', ';').replace('\n', ' ');
    }

    /** Blocks of {@link #kind} (a RAMB18E1 is half a RAMB36E1). */
    public double blocks() {
        return primitives.entrySet().stream().mapToDouble(e -> family.blocksOf(kind, e.getKey()) * e.getValue()).sum();
    }

    /** {@code RAMB18E1:1 RAMB36E1:2}, sorted by name; empty when there is none. */
    public static String primitivesText(Map<String, Integer> p) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(p).forEach((k, v) -> sb.append(sb.length() == 0 ? "" : " ").append(k).append(':').append(v));
        return sb.toString();
    }

    public String toCsv() {
        return String.join(",", family.id, kind, shape.ports().id, Integer.toString(shape.depthWords()), Integer.toString(shape.widthBits()),
                outcome.id(), primitivesText(primitives), Integer.toString(luts), Integer.toString(ffs), Integer.toString(lutRam), message);
    }

    /** A row of {@link #toCsv()}; lines starting with '#' and the header are not rows. */
    public static BlockMeasurement parse(String line) {
        String[] f = line.split(",", -1);
        if (f.length != 11) throw new IllegalArgumentException("expected 11 fields (" + HEADER + "), got " + f.length + ": " + line);
        FpgaFamily fam = FpgaFamily.byId(f[0]).orElseThrow(() -> new IllegalArgumentException("unknown family " + f[0]));
        Map<String, Integer> prims = new TreeMap<>();
        for (String p : f[6].split(" ")) {
            if (p.isEmpty()) continue;
            String[] kv = p.split(":");
            prims.put(kv[0], Integer.parseInt(kv[1]));
        }
        return new BlockMeasurement(fam, f[1], new MemoryShape(MemoryShape.Ports.byId(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])),
                Outcome.valueOf(f[5].toUpperCase(Locale.ROOT)), prims, Integer.parseInt(f[7]), Integer.parseInt(f[8]), Integer.parseInt(f[9]), f[10]);
    }

    /** Every row of a CSV text (comments and the header skipped). */
    public static List<BlockMeasurement> parseAll(String csv) {
        List<BlockMeasurement> out = new ArrayList<>();
        for (String l : csv.split("\\R")) {
            if (l.isBlank() || l.startsWith("#") || l.equals(HEADER)) continue;
            out.add(parse(l));
        }
        return out;
    }
}
