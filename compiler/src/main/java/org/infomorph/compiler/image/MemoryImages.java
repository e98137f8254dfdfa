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
import org.infomorph.compiler.mapping.Allocation;
import org.infomorph.compiler.mapping.Mapping;

/**
 * The initial contents of every physical memory block, in the layout of its {@link Allocation}:
 * lanes packed side by side in a word (lane u at bit (u % lanesPerWord) * bits of group
 * u / lanesPerWord), or one lane spread over blocksWide blocks (block b holds bits
 * [b * blockWidth, (b+1) * blockWidth)). Each block is written as a {@code $readmemh} file (one
 * word per line, only the words in use) and as raw little-endian bytes for upload.
 */
public final class MemoryImages {
    private MemoryImages() {}

    /** The initialised arrays: weights, biases, PRNG states and the lookup tables; the rest start at 0. */
    public static Map<String, long[][]> lanes(Image image, Mapping m) {
        Map<String, long[][]> out = new TreeMap<>();
        long[][] w = new long[m.units()][], b = new long[m.units()][], p = new long[m.units()][];
        for (int u = 0; u < m.units(); u++) {
            w[u] = LaneContents.weights(image, m, u);
            b[u] = LaneContents.biases(image, m, u);
            p[u] = LaneContents.prng(image, m, u);
        }
        out.put("weights", w);
        out.put("biases", b);
        out.put("prng", p);
        ArchTables t = ArchTables.of(image.arch());
        out.put("sigmoid-lut", new long[][] {ints(t.sigmoid())});
        if (t.log2Mantissa().length > 0) out.put("log2-lut", new long[][] {ints(t.log2Mantissa())});
        return out;
    }

    /** Block files of every initialised allocation: name -> words (block width each). */
    public static Map<String, long[]> blocks(Image image, Mapping m) {
        Map<String, long[][]> lanes = lanes(image, m);
        Map<String, long[]> out = new TreeMap<>();
        for (Allocation a : m.allocations()) {
            long[][] content = lanes.get(a.array().name());
            if (content == null) continue;
            for (int g = 0; g < a.groups(); g++)
                for (int wi = 0; wi < a.blocksWide(); wi++)
                    for (long d = 0; d < a.blocksDeep(); d++) {
                        long[] words = blockWords(a, content, g, wi, d);
                        if (words.length > 0) out.put(blockName(a, g, wi, d), words);
                    }
        }
        return out;
    }

    static String blockName(Allocation a, int group, int wide, long deep) {
        return a.array().name() + "_g" + group + "_w" + wide + "_d" + deep;
    }

    private static long[] blockWords(Allocation a, long[][] lanes, int group, int wide, long deep) {
        int bits = a.array().bits(), bw = a.blockWidth();
        long mask = bits == 64 ? -1 : (1L << bits) - 1;
        long first = deep * a.blockDepth();
        long used = Math.max(0, Math.min(a.blockDepth(), a.array().depth() - first));
        long[] words = new long[(int) used];
        for (int i = 0; i < used; i++) {
            long addr = first + i;
            long word = 0;
            if (a.lanesPerWord() > 0) {
                for (int k = 0; k < a.lanesPerWord(); k++) {
                    int lane = group * a.lanesPerWord() + k;
                    if (lane < lanes.length && addr < lanes[lane].length) word |= (lanes[lane][(int) addr] & mask) << (k * bits);
                }
            } else if (group < lanes.length && addr < lanes[group].length) {
                word = ((lanes[group][(int) addr] & mask) >>> (wide * bw)) & ((1L << bw) - 1);
            }
            words[i] = word;
        }
        return words;
    }

    public static void write(Map<String, long[]> blocks, Mapping m, Path dir) throws IOException {
        Files.createDirectories(dir);
        for (Map.Entry<String, byte[]> e : files(blocks, m).entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
    }

    /**
     * The files of every block, by name: {@code NAME.hex} ({@code $readmemh}, one word per line, lower-case
     * hex digits of the block width) and {@code NAME.bin} (little-endian, whole bytes of the block width).
     */
    public static Map<String, byte[]> files(Map<String, long[]> blocks, Mapping m) {
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, long[]> e : blocks.entrySet()) {
            int width = widthOf(e.getKey(), m);
            int hexDigits = (width + 3) / 4, bytes = (width + 7) / 8;
            StringBuilder sb = new StringBuilder();
            ByteBuffer buf = ByteBuffer.allocate(Math.multiplyExact(e.getValue().length, bytes)).order(ByteOrder.LITTLE_ENDIAN);
            for (long w : e.getValue()) {
                sb.append(String.format("%0" + hexDigits + "x", w)).append('\n');
                for (int b = 0; b < bytes; b++) buf.put((byte) (w >>> (8 * b)));
            }
            out.put(e.getKey() + ".hex", sb.toString().getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.put(e.getKey() + ".bin", buf.array());
        }
        return out;
    }

    /** Reads the weights and biases back from the hex files into a copy of {@code image} (to prove the layout). */
    public static Image readBack(Image image, Mapping m, Path dir) throws IOException {
        List<ImageLayer> layers = new ArrayList<>();
        for (ImageLayer l : image.layers()) {
            List<ImageSource> sources = new ArrayList<>();
            for (ImageSource s : l.sources())
                sources.add(new ImageSource(s.neurons(), s.size(), s.weightFrac(), new int[s.w().length], new int[s.b().length], s.mask().clone(), s.fixed()));
            layers.add(new ImageLayer(l.name(), sources));
        }
        Image copy = new Image(image.network(), image.arch(), layers, image.seed());
        for (Allocation a : m.allocations()) {
            String name = a.array().name();
            if (!name.equals("weights") && !name.equals("biases")) continue;
            for (int u = 0; u < m.units(); u++) {
                long[] lane = new long[(int) a.array().depth()];
                int group = a.lanesPerWord() > 0 ? u / a.lanesPerWord() : u;
                for (long d = 0; d < a.blocksDeep(); d++)
                    for (int wi = 0; wi < a.blocksWide(); wi++) {
                        Path f = dir.resolve(blockName(a, group, wi, d) + ".hex");
                        if (!Files.exists(f)) continue;
                        List<String> lines = Files.readAllLines(f);
                        for (int i = 0; i < lines.size(); i++) {
                            long word;
                            try {
                                word = Long.parseUnsignedLong(lines.get(i).strip(), 16);
                            } catch (NumberFormatException e) {
                                throw InvalidInputException.at(f.toString(), "line " + (i + 1), "is not a hex word: '" + lines.get(i) + "'");
                            }
                            long addr = d * a.blockDepth() + i;
                            int bits = a.array().bits();
                            if (a.lanesPerWord() > 0) lane[(int) addr] = (word >>> ((u % a.lanesPerWord()) * bits)) & ((1L << bits) - 1);
                            else lane[(int) addr] |= word << (wi * a.blockWidth());
                        }
                    }
                if (name.equals("weights")) LaneContents.putWeights(lane, a.array().bits(), copy, m, u);
                else LaneContents.putBiases(lane, a.array().bits(), copy, m, u);
            }
        }
        return copy;
    }

    private static int widthOf(String block, Mapping m) {
        for (Allocation a : m.allocations()) if (block.startsWith(a.array().name() + "_g")) return a.blockWidth();
        throw new IllegalArgumentException(block);
    }

    private static long[] ints(int[] v) {
        long[] out = new long[v.length];
        for (int i = 0; i < v.length; i++) out[i] = v[i] & 0xFFFFFFFFL;
        return out;
    }
}
