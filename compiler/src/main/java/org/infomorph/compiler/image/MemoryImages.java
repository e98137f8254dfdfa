package org.infomorph.compiler.image;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchTables;
import org.infomorph.compiler.mapping.Mapping;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.LaneImage;
import org.infomorph.compiler.rtl.RtlLayout;

/**
 * The initial contents of the array's memories for an image, one file per memory instance, in
 * the memory's own words ({@link LaneImage} for the lanes): {@code lane_g<g>} per lane group,
 * {@code config}, and the {@code sigmoid} and {@code log2} tables. Each is written as a
 * {@code $readmemh} file (one word per line, only the words in use) and as raw little-endian
 * bytes for upload; the host loads them through the host port.
 */
public final class MemoryImages {
    private MemoryImages() {}

    /** A memory's words and its word width in bits. */
    public record Contents(long[] words, int width) {}

    public static Map<String, Contents> of(Image image, Mapping m) {
        GeneratorParams g = m.generator();
        RtlLayout layout = RtlLayout.of(image, g.units());
        Map<String, Contents> out = new TreeMap<>();
        long[][] lanes = LaneImage.pack(image, layout, g.lanesPerWord());
        int laneWidth = g.lanesPerWord() * image.arch().numerics().weightBits();
        for (int i = 0; i < lanes.length; i++) out.put("lane_g" + i, new Contents(lanes[i], laneWidth));
        long[] cfg = layout.config(image, g.capacity());
        for (int i = 0; i < cfg.length; i++) cfg[i] &= 0xFFFFFFFFL;
        out.put("config", new Contents(cfg, 32));
        ArchTables t = ArchTables.of(image.arch());
        out.put("sigmoid", new Contents(longs(t.sigmoid()), image.arch().numerics().theta().bits()));
        if (g.learning() && t.log2Mantissa().length > 0) out.put("log2", new Contents(longs(t.log2Mantissa()), image.arch().numerics().log2().frac() + 1));
        return out;
    }

    public static void write(Map<String, Contents> memories, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files(memories).entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    }

    /**
     * The files of every memory, by name: {@code NAME.hex} ({@code $readmemh}, one word per line, lower-case
     * hex digits of the memory's width) and {@code NAME.bin} (little-endian, whole bytes of the width).
     */
    public static Map<String, byte[]> files(Map<String, Contents> memories) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, Contents> e : memories.entrySet()) {
            int width = e.getValue().width();
            int hexDigits = (width + 3) / 4, bytes = (width + 7) / 8;
            StringBuilder sb = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(e.getValue().words().length, bytes)).order(ByteOrder.LITTLE_ENDIAN);
            for (long w : e.getValue().words()) {
                sb.append(String.format("%0" + hexDigits + "x", w)).append('\n');
                for (int b = 0; b < bytes; b++) buf.put((byte) (w >>> (8 * b)));
            }
            out.put(e.getKey() + ".hex", sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.put(e.getKey() + ".bin", buf.array());
        }
        return out;
    }

    /** Reads the weights and biases back from the lane hex files into a copy of {@code image} (to prove the layout). */
    public static Image readBack(Image image, Mapping m, Path dir) throws IOException {
        GeneratorParams g = m.generator();
        RtlLayout layout = RtlLayout.of(image, g.units());
        int lb = image.arch().numerics().weightBits();
        long[][] lanes = new long[g.units()][];
        for (int grp = 0; grp < g.laneGroups(); grp++) {
            Path f = dir.resolve("lane_g" + grp + ".hex");
            List<String> lines = Files.readAllLines(f);
            long[] words = new long[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                try {
                    words[i] = Long.parseUnsignedLong(lines.get(i).strip(), 16);
                } catch (NumberFormatException e) {
                    throw InvalidInputException.at(f.toString(), "line " + (i + 1), "is not a hex word: '" + lines.get(i) + "'");
                }
            }
            for (int i = 0; i < g.lanesPerWord() && grp * g.lanesPerWord() + i < g.units(); i++)
                lanes[grp * g.lanesPerWord() + i] = LaneImage.unpack(words, grp * g.lanesPerWord() + i, g.lanesPerWord(), lb);
        }
        List<ImageLayer> layers = new ArrayList<>();
        for (int li = 0; li < image.layers().size(); li++) {
            ImageLayer l = image.layers().get(li);
            List<ImageSource> sources = new ArrayList<>();
            int[][] w = new int[l.sources().size()][], b = new int[l.sources().size()][];
            for (int k = 0; k < l.sources().size(); k++) {
                w[k] = new int[l.sources().get(k).w().length];
                b[k] = new int[l.sources().get(k).b().length];
            }
            for (int j = 0; j < layout.layers().get(li).neurons(); j++) {
                LaneImage.Neuron n = LaneImage.neuron(image.arch(), layout, li, j, lanes[j % g.units()]);
                for (int k = 0; k < l.sources().size(); k++) {
                    b[k][j] = n.bias()[k];
                    System.arraycopy(n.weights()[k], 0, w[k], j * n.weights()[k].length, n.weights()[k].length);
                }
            }
            for (int k = 0; k < l.sources().size(); k++) {
                ImageSource s = l.sources().get(k);
                sources.add(new ImageSource(s.neurons(), s.size(), s.weightFrac(), w[k], b[k], s.mask().clone(), s.fixed()));
            }
            layers.add(new ImageLayer(l.name(), sources));
        }
        return new Image(image.network(), image.arch(), layers, image.seed());
    }

    private static long[] longs(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] & 0xFFFFFFFFL;
        return out;
    }
}
