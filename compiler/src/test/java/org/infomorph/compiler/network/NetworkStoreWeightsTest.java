package org.infomorph.compiler.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkStoreWeightsTest {
    private static final ObjectMapper M = new ObjectMapper();

    @TempDir
    Path tmp;

    private static TrainedNetwork net(String example, long seed) {
        return NetworkInit.initial(NetworkJsonExamplesTest.example(example), seed);
    }

    private static long[] bits(double[] d) {
        return Arrays.stream(d).mapToLong(Double::doubleToRawLongBits).toArray();
    }

    private static void assertSameBits(TrainedNetwork a, TrainedNetwork b) {
        assertEquals(a.spec(), b.spec());
        assertEquals(a.layers().size(), b.layers().size());
        for (int l = 0; l < a.layers().size(); l++)
            for (int s = 0; s < a.layers().get(l).sources().size(); s++) {
                SourceWeights x = a.layers().get(l).sources().get(s);
                SourceWeights y = b.layers().get(l).sources().get(s);
                assertArrayEquals(bits(x.w()), bits(y.w()));
                assertArrayEquals(bits(x.b()), bits(y.b()));
            }
    }

    private Path saved(TrainedNetwork net) throws IOException {
        Path dir = tmp.resolve("run");
        NetworkStore.save(net, Map.of("testAccuracy", 0.93), dir);
        return dir;
    }

    @Test
    void roundTripsBitForBitIncludingOddValues() throws IOException {
        TrainedNetwork net = net("context-lateral-feedback.json", 5);
        double[] w = net.layers().get(0).sources().get(0).w();
        w[0] = -0.0;
        w[1] = Double.longBitsToDouble(0x0000_0000_0000_1234L); // a subnormal with a payload
        w[2] = Double.MIN_VALUE;
        w[3] = -Double.MAX_VALUE;
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("trainAccuracy", 0.95);
        metrics.put("testAccuracy", 0.93);
        Path dir = tmp.resolve("fb");
        NetworkStore.save(net, metrics, dir);
        TrainedNetwork back = NetworkStore.load(dir);
        assertSameBits(net, back);
        assertEquals(metrics, NetworkStore.loadMetrics(dir));
        // the layout is the documented one: little-endian float64, w then b, back to back
        ByteBuffer buf = ByteBuffer.wrap(Files.readAllBytes(dir.resolve("weights.bin"))).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(0x0000_0000_0000_1234L, buf.getLong(8));
        SourceWeights first = net.layers().get(0).sources().get(0);
        assertEquals(Double.doubleToRawLongBits(first.b()[0]), buf.getLong(8 * first.w().length));
    }

    @Test
    void nanAndInfinityAreRefusedNamingTheTensor() throws IOException {
        TrainedNetwork net = net("context.json", 1);
        net.layers().get(1).sources().get(0).b()[2] = Double.NaN;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NetworkStore.save(net, Map.of(), tmp.resolve("nan")));
        assertEquals("the trained network: layers[1].sources.R.b[2]: is NaN; train again with a smaller learning rate", e.getMessage());
        assertFalse(Files.exists(tmp.resolve("nan")), "nothing is written");

        Path dir = saved(net("context.json", 1));
        Path wf = dir.resolve("weights.bin");
        byte[] data = Files.readAllBytes(wf);
        ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putDouble(8 * 7, Double.POSITIVE_INFINITY);
        Files.write(wf, data);
        ObjectNode m = (ObjectNode) M.readTree(Files.readString(dir.resolve("network.json")));
        m.put("sha256", NetworkStore.sha256(data)); // hashed again: only the value check can catch it
        Files.writeString(dir.resolve("network.json"), M.writeValueAsString(m));
        InvalidInputException load = assertThrows(InvalidInputException.class, () -> NetworkStore.load(dir));
        assertEquals(wf + ": layers[0].sources.R.w[7]: is Infinity; the network diverged in training or the file is damaged; train again", load.getMessage());
    }

    @Test
    void manifestHasTheDocumentedShape() throws IOException {
        TrainedNetwork net = net("context.json", 1);
        Path dir = saved(net);
        ObjectNode m = (ObjectNode) M.readTree(Files.readString(dir.resolve("network.json")));
        assertEquals("infomorph-trained/1", m.get("format").asText());
        assertEquals("weights.bin", m.get("weights").asText());
        assertEquals(org.infomorph.compiler.Version.TOOL, m.get("tool").asText());
        assertTrue(m.get("tool").asText().matches("infomorph \\d+\\.\\d+\\.\\d+.*"), m.get("tool").asText());
        assertEquals(net.spec(), NetworkJson.fromTree(m.get("network"), "x", "network"));
        assertEquals(NetworkStore.sha256(Files.readAllBytes(dir.resolve("weights.bin"))), m.get("sha256").asText());
        var src = m.get("layers").get(1).get("sources").get(1);
        assertEquals("C", src.get("role").asText());
        assertEquals(10, src.get("neurons").asInt());
        assertEquals(10, src.get("size").asInt());
        assertEquals(8L * (100 * 784 + 100 + 100 * 10 + 100 + 10 * 100 + 10), src.get("offset").asLong());
        assertEquals(0.93, m.get("metrics").get("testAccuracy").asDouble());
    }

    @Test
    void flippedByteIsACheckumMismatch() throws IOException {
        Path dir = saved(net("context.json", 1));
        Path wf = dir.resolve("weights.bin");
        byte[] data = Files.readAllBytes(wf);
        data[data.length / 2] ^= 0x01;
        Files.write(wf, data);
        var e = assertThrows(InvalidInputException.class, () -> NetworkStore.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("network.json") + ": sha256: is "), e.getMessage());
        assertTrue(e.getMessage().contains("the weights were changed or damaged"), e.getMessage());
    }

    @Test
    void truncatedWeightsAreReportedAsSuch() throws IOException {
        Path dir = saved(net("readout.json", 1));
        Path wf = dir.resolve("weights.bin");
        byte[] data = Files.readAllBytes(wf);
        Files.write(wf, Arrays.copyOf(data, data.length - 8));
        var e = assertThrows(InvalidInputException.class, () -> NetworkStore.load(dir));
        assertEquals(wf + ": has " + (data.length - 8) + " bytes but the manifest's layout needs " + data.length + " (truncated); save the network again",
                e.getMessage());
    }

    private String manifestError(Consumer<ObjectNode> edit) throws IOException {
        Path dir = saved(net("context.json", 1));
        Path mf = dir.resolve("network.json");
        ObjectNode m = (ObjectNode) M.readTree(Files.readString(mf));
        edit.accept(m);
        Files.writeString(mf, m.toString());
        String msg = assertThrows(InvalidInputException.class, () -> NetworkStore.load(dir)).getMessage();
        String prefix = mf + ": ";
        assertTrue(msg.startsWith(prefix), msg);
        return msg.substring(prefix.length());
    }

    @Test
    void wrongFormatVersion() throws IOException {
        assertEquals("format: is \"infomorph-trained/2\" but this tool reads \"infomorph-trained/1\"; is it a trained-network directory?",
                manifestError(m -> m.put("format", "infomorph-trained/2")));
        assertTrue(manifestError(m -> m.remove("format")).startsWith("format: missing"));
        assertTrue(manifestError(m -> ((ObjectNode) m.get("network")).put("format", "infomorph-network/0"))
                .startsWith("network.format: is \"infomorph-network/0\" but this tool reads \"infomorph-network/1\""));
    }

    @Test
    void layoutMustMatchTheSpec() throws IOException {
        assertTrue(manifestError(m -> ((ObjectNode) m.get("layers").get(0).get("sources").get(0)).put("size", 783))
                .startsWith("layers[0].sources[0].size: must be 784 (the source size in the network description), got 783"));
        assertTrue(manifestError(m -> ((ObjectNode) m.get("layers").get(1).get("sources").get(0)).put("offset", 8))
                .startsWith("layers[1].sources[0].offset: must be "));
        assertTrue(manifestError(m -> ((ObjectNode) m.get("layers").get(0).get("sources").get(1)).put("role", "L"))
                .startsWith("layers[0].sources[1].role: must be \"C\""));
        // the description's own sizes are validated too: a spec edited to 99 neurons no longer matches its sources
        assertTrue(manifestError(m -> ((ObjectNode) m.get("network").get("layers").get(0)).put("neurons", 99))
                .startsWith("network.layers[1].sources.R.size: must be 99 (the neurons of layer hidden), got 100"));
        assertTrue(manifestError(m -> m.put("extra", 1)).startsWith("extra: unknown key; allowed keys here: format, network, layers,"));
        assertTrue(manifestError(m -> m.put("weights", "../../etc/passwd")).startsWith("weights: must be \"weights.bin\""));
        assertTrue(manifestError(m -> ((ObjectNode) m.get("metrics")).put("acc", "high")).startsWith("metrics.acc: must be a finite number"));
    }

    @Test
    void saveRefusesWeightsThatDoNotFitTheSpec() {
        TrainedNetwork good = net("readout.json", 1);
        TrainedNetwork bad = new TrainedNetwork(net("context.json", 1).spec(), good.layers());
        assertThrows(IllegalArgumentException.class, () -> NetworkStore.save(bad, Map.of(), tmp.resolve("bad")));
    }
}
