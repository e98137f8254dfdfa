package org.infomorph.runtime.device;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The complete state of a device. Every array is in the image's integer formats. Two devices
 * are bit-exact iff their states are equal; {@link #hash()} summarises one.
 *
 * @param layers   per layer, in layer order
 * @param counters saturation/overflow events per field name, and batch counters
 */
public record DeviceState(List<LayerState> layers, Map<String, Long> counters) {
    public DeviceState {
        layers = List.copyOf(layers);
        counters = Map.copyOf(new TreeMap<>(counters));
    }

    /**
     * @param weights        per source, row-major [neurons][size]
     * @param biases         per source, [neurons]
     * @param gradients      per source, the pending gradient accumulators (weights then bias per neuron)
     * @param counts         histogram counts, [neurons][cells]
     * @param softSums       histogram soft sums, [neurons][cells]
     * @param table          the coefficient table in use, [neurons][cells]
     * @param rangeExp       binning range exponents, [neurons][sources]
     * @param maxAbs         running max |u| of the batch, [neurons][sources]
     * @param prng           PRNG states, [neurons]
     */
    public record LayerState(
            String name,
            List<int[]> weights,
            List<int[]> biases,
            List<int[]> gradients,
            int[] counts,
            int[] softSums,
            int[] table,
            int[] rangeExp,
            int[] maxAbs,
            int[] prng) {}

    /** SHA-256 over every array and counter, in a fixed order. */
    public String hash() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (LayerState l : layers) {
                md.update(l.name().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (List<int[]> group : List.of(l.weights(), l.biases(), l.gradients())) for (int[] a : group) ints(md, a);
                for (int[] a : new int[][] {l.counts(), l.softSums(), l.table(), l.rangeExp(), l.maxAbs(), l.prng()}) ints(md, a);
            }
            for (Map.Entry<String, Long> e : new TreeMap<>(counters).entrySet()) {
                md.update(e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update(ByteBuffer.allocate(8).putLong(e.getValue()).array());
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void ints(MessageDigest md, int[] a) {
        ByteBuffer buf = ByteBuffer.allocate(4 + 4 * a.length).putInt(a.length);
        for (int v : a) buf.putInt(v);
        md.update(buf.array());
    }
}
