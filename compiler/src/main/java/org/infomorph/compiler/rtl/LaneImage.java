package org.infomorph.compiler.rtl;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.arch.Prng;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageSource;

/**
 * The contents of the lane memories (docs/llu-rtl.md, "Lanes") for an image: per lane, per layer
 * and slot, the neuron's PRNG state, then per source its bias and its weights (a masked weight
 * as the masked code), each value little-endian in weightBits-bit words; lanes packed
 * lanesPerWord to a memory word, lane {@code g * lanesPerWord + i} in bits {@code [i w, (i+1) w)}.
 * Used to load a device, to write an image's memory files and to read both back.
 */
public final class LaneImage {
    private LaneImage() {}

    /** Words of every lane memory the layout uses. */
    public static int words(RtlLayout layout) {
        RtlLayout.LayerPlace last = layout.layers().get(layout.layers().size() - 1);
        return last.laneBase() + last.slots() * last.slotWords();
    }

    /** Per lane group, its packed words. */
    public static long[][] pack(Image image, RtlLayout layout, int lanesPerWord) {
        int units = layout.units(), words = words(layout), lb = image.arch().numerics().weightBits();
        long laneMask = (1L << lb) - 1;
        int groups = (units + lanesPerWord - 1) / lanesPerWord;
        long[][] out = new long[groups][words];
        for (int g = 0; g < groups; g++)
            for (int i = 0; i < lanesPerWord && g * lanesPerWord + i < units; i++) {
                long[] lane = lane(image, layout, g * lanesPerWord + i, words);
                for (int w = 0; w < words; w++) out[g][w] |= (lane[w] & laneMask) << (i * lb);
            }
        return out;
    }

    /** One lane's words (weightBits-bit values in longs). */
    static long[] lane(Image image, RtlLayout layout, int lane, int words) {
        ArchConfig arch = image.arch();
        Numerics num = arch.numerics();
        int lb = num.weightBits(), pw = RtlLayout.prngWords(arch), bw = RtlLayout.biasWords(arch);
        long[] out = new long[words];
        for (int li = 0; li < layout.layers().size(); li++) {
            RtlLayout.LayerPlace lp = layout.layers().get(li);
            for (int t = 0; t < lp.slots(); t++) {
                int j = t * layout.units() + lane;
                if (j >= lp.neurons()) continue;
                int base = lp.laneBase() + t * lp.slotWords();
                split(Prng.neuronSeed(image.seed(), li, j) & 0xFFFFFFFFL, lb, pw, out, base);
                for (int k = 0; k < lp.sources(); k++) {
                    RtlLayout.SourcePlace sp = lp.src().get(k);
                    ImageSource src = image.layers().get(li).sources().get(k);
                    split(src.b()[j], lb, bw, out, base + sp.laneOffset());
                    for (int i = 0; i < sp.size(); i++) {
                        int w = src.w()[j * sp.size() + i];
                        if (w == num.maskedCode())
                            throw new InvalidInputException("layer " + image.network().layers().get(li).name() + " source " + k + " weight [" + j
                                    + "][" + i + "] = " + w + " is the LLU array's masked code; weights are in -" + num.weightMax() + ".."
                                    + num.weightMax() + ": quantise again");
                        out[base + sp.laneOffset() + bw + i] = src.mask()[j * sp.size() + i] == 0 ? num.maskedCode() : w;
                    }
                }
            }
        }
        return out;
    }

    /** Lane {@code lane}'s words from the packed words of its group. */
    public static long[] unpack(long[] groupWords, int lane, int lanesPerWord, int laneBits) {
        long[] out = new long[groupWords.length];
        int i = lane % lanesPerWord;
        for (int w = 0; w < out.length; w++) out[w] = (groupWords[w] >>> (i * laneBits)) & ((1L << laneBits) - 1);
        return out;
    }

    /** A neuron's values read back from its lane's words. */
    public record Neuron(int prng, int[] bias, int[][] weights, boolean[][] masked) {}

    /** Neuron j of layer li from the words of its lane (j % P). */
    public static Neuron neuron(ArchConfig arch, RtlLayout layout, int li, int j, long[] lane) {
        Numerics num = arch.numerics();
        int lb = num.weightBits(), pw = RtlLayout.prngWords(arch), bw = RtlLayout.biasWords(arch);
        RtlLayout.LayerPlace lp = layout.layers().get(li);
        int base = lp.laneBase() + (j / layout.units()) * lp.slotWords();
        int s = lp.sources();
        int[] bias = new int[s];
        int[][] w = new int[s][];
        boolean[][] masked = new boolean[s][];
        for (int k = 0; k < s; k++) {
            RtlLayout.SourcePlace sp = lp.src().get(k);
            bias[k] = (int) join(lane, base + sp.laneOffset(), lb, bw, num.biasBits());
            w[k] = new int[sp.size()];
            masked[k] = new boolean[sp.size()];
            for (int i = 0; i < sp.size(); i++) {
                int v = (int) join(lane, base + sp.laneOffset() + bw + i, lb, 1, lb);
                masked[k][i] = v == num.maskedCode();
                w[k][i] = masked[k][i] ? 0 : v;
            }
        }
        return new Neuron((int) join(lane, base, lb, pw, 32), bias, w, masked);
    }

    /** v as n words of lb bits, least significant first. */
    static void split(long v, int lb, int n, long[] out, int at) {
        for (int i = 0; i < n; i++) out[at + i] = (v >> (i * lb)) & ((1L << lb) - 1);
    }

    /** n words of lb bits, least significant first, as a signed value of {@code bits} bits. */
    static long join(long[] words, int at, int lb, int n, int bits) {
        long v = 0;
        for (int i = n - 1; i >= 0; i--) v = v << lb | (words[at + i] & ((1L << lb) - 1));
        return v << (64 - bits) >> (64 - bits);
    }
}
