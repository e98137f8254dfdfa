package org.infomorph.compiler.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.json.JsonFields;
import org.infomorph.json.StrictJson;

/**
 * Saves and loads trained networks as a directory (format {@value #FORMAT}, documented in
 * {@code docs/network-format.md}):
 * <ul>
 *   <li>{@value #MANIFEST}: the network description as {@link NetworkJson} writes it, the weight
 *       layout (per layer, per source: role, neurons, size, byte offset), the SHA-256 of the
 *       weights, optional metrics and the tool name;</li>
 *   <li>{@value #WEIGHTS}: little-endian IEEE float64, per layer per source {@code w} (row-major
 *       [neurons][size]) then {@code b} (one per neuron), at the recorded offsets.</li>
 * </ul>
 * Loading checks the format string, the layout against the description, the file length and the
 * checksum; any mismatch is an {@link InvalidInputException} naming the file and field. Weights
 * round-trip bit for bit (raw double bits, NaN payloads included).
 */
public final class NetworkStore {
    public static final String FORMAT = "infomorph-trained/1";
    public static final String MANIFEST = "network.json";
    public static final String WEIGHTS = "weights.bin";
    public static final String TOOL = org.infomorph.compiler.Version.TOOL;

    private NetworkStore() {}

    /** Writes {@code dir}/network.json and {@code dir}/weights.bin, creating {@code dir} if needed. */
    public static void save(TrainedNetwork net, Map<String, Double> metrics, Path dir) throws IOException {
        NetworkSpec spec = net.spec();
        checkShapes(net);
        checkFinite(net, "the trained network", "train again with a smaller learning rate");
        long total = 0;
        ObjectNode manifest = NetworkJson.MAPPER.createObjectNode();
        manifest.put("format", FORMAT);
        manifest.set("network", NetworkJson.toTree(spec));
        ArrayNode layers = manifest.putArray("layers");
        for (int l = 0; l < spec.layers().size(); l++) {
            ObjectNode lo = layers.addObject();
            lo.put("name", spec.layers().get(l).name());
            ArrayNode so = lo.putArray("sources");
            for (int s = 0; s < spec.layers().get(l).sourceCount(); s++) {
                SourceWeights w = net.layers().get(l).sources().get(s);
                ObjectNode e = so.addObject();
                e.put("role", spec.layers().get(l).sources().get(s).role().name());
                e.put("neurons", w.neurons());
                e.put("size", w.size());
                e.put("offset", total);
                total += bytes(w.neurons(), w.size());
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
        for (LayerWeights lw : net.layers())
            for (SourceWeights w : lw.sources()) {
                for (double v : w.w()) buf.putDouble(v);
                for (double v : w.b()) buf.putDouble(v);
            }
        byte[] data = buf.array();
        manifest.put("weights", WEIGHTS);
        manifest.put("sha256", sha256(data));
        if (metrics != null && !metrics.isEmpty()) {
            ObjectNode m = manifest.putObject("metrics");
            metrics.forEach(m::put);
        }
        manifest.put("tool", TOOL);
        Files.createDirectories(dir);
        Files.write(dir.resolve(WEIGHTS), data);
        Files.writeString(dir.resolve(MANIFEST), NetworkJson.MAPPER.writeValueAsString(manifest) + "\n", StandardCharsets.UTF_8);
    }

    /** Reads and verifies a directory written by {@link #save}. */
    public static TrainedNetwork load(Path dir) {
        Path mf = manifestOf(dir);
        String file = mf.toString();
        JsonNode root = manifest(mf);
        JsonNode fmt = root.isObject() ? root.get("format") : null;
        if (fmt == null || !fmt.isTextual())
            throw InvalidInputException.at(file, "format", "missing; a trained-network manifest starts with \"format\": \"" + FORMAT + "\"");
        if (!fmt.textValue().equals(FORMAT))
            throw InvalidInputException.at(file, "format", "is " + org.infomorph.json.JsonPaths.quote(fmt.textValue()) + " but this tool reads \"" + FORMAT + "\"; is it a trained-network directory?");
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        JsonNode o = f.object(root, "", NetworkJson.keys("format", "network", "layers", "weights", "sha256", "metrics", "tool"), "a trained-network manifest");
        f.throwIfAny();
        JsonNode networkNode = f.required(o, "", "network", "{\"format\": \"" + NetworkSpec.FORMAT + "\", ...}");
        String weightsName = f.reqString(o, "", "weights", "\"" + WEIGHTS + "\"");
        String sha = f.reqString(o, "", "sha256", "\"<64 hex digits>\"");
        JsonNode layersNode = f.required(o, "", "layers", "[{\"name\": \"hidden\", \"sources\": [...]}]");
        f.reqString(o, "", "tool", "\"" + TOOL + "\"");
        metrics(f, o.get("metrics"));
        f.throwIfAny();
        if (!weightsName.equals(WEIGHTS))
            throw InvalidInputException.at(file, "weights", "must be \"" + WEIGHTS + "\" (the weights file beside the manifest), got " + org.infomorph.json.JsonPaths.quote(weightsName));
        NetworkSpec spec = NetworkJson.fromTree(networkNode, file, "network");
        long[][] offsets = layout(f, spec, layersNode);
        f.throwIfAny();

        Path wf = dir.resolve(WEIGHTS);
        long need = 0;
        for (int l = 0; l < spec.layers().size(); l++)
            for (SourceSpec s : spec.layers().get(l).sources()) need += bytes(spec.layers().get(l).neurons(), s.size());
        byte[] data = readExactly(wf, need, "the weights", "save the network again");
        String actual = sha256(data);
        if (!actual.equalsIgnoreCase(sha))
            throw InvalidInputException.at(file, "sha256", "is " + org.infomorph.json.JsonPaths.quote(sha) + " but " + WEIGHTS + " hashes to " + actual
                    + "; the weights were changed or damaged, save the network again");

        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<LayerWeights> layers = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            List<SourceWeights> sources = new ArrayList<>();
            for (int s = 0; s < layer.sourceCount(); s++) {
                int n = layer.neurons();
                int size = layer.sources().get(s).size();
                buf.position(Math.toIntExact(offsets[l][s]));
                double[] w = new double[n * size];
                double[] b = new double[n];
                for (int k = 0; k < w.length; k++) w[k] = buf.getDouble();
                for (int k = 0; k < n; k++) b[k] = buf.getDouble();
                sources.add(new SourceWeights(n, size, w, b));
                checkFinite(wf.toString(), "layers[" + l + "].sources." + layer.sources().get(s).role(), w, b,
                        "the network diverged in training or the file is damaged; train again");
            }
            layers.add(new LayerWeights(sources));
        }
        return new TrainedNetwork(spec, layers);
    }

    /** The manifest's metrics (empty if none), in file order. */
    public static Map<String, Double> loadMetrics(Path dir) {
        Path mf = manifestOf(dir);
        JsonNode root = manifest(mf);
        JsonFields f = new JsonFields(mf.toString(), InvalidInputException.ERRORS);
        Map<String, Double> m = root.isObject() ? metrics(f, root.get("metrics")) : Map.of();
        f.throwIfAny();
        return m;
    }

    /** {@code dir/network.json}, after checking that {@code dir} is a directory that holds one. */
    static Path manifestOf(Path dir) {
        if (dir.toString().isEmpty()) throw new InvalidInputException("an empty path was given for a trained-network directory; give the directory 'train --out' wrote");
        if (!Files.isDirectory(dir))
            throw InvalidInputException.at(dir.toString(), "", (Files.exists(dir) ? "is a file, not a directory" : "no such directory")
                    + "; give the directory 'train --out' wrote (" + MANIFEST + " and " + WEIGHTS + ")");
        Path mf = dir.resolve(MANIFEST);
        if (!Files.exists(mf))
            throw InvalidInputException.at(mf.toString(), "", "no such file; " + dir + " is not a trained-network directory (give the directory 'train --out' wrote)");
        return mf;
    }

    private static JsonNode manifest(Path mf) {
        return StrictJson.read(mf, "trained-network manifest", InvalidInputException.ERRORS);
    }

    /**
     * The bytes of a binary file whose length the manifest fixes: its size is checked before it is
     * read, so a truncated, padded or huge file is one clear line and nothing is allocated for it.
     */
    public static byte[] readExactly(Path file, long need, String what, String fix) {
        try {
            if (!Files.isRegularFile(file)) throw InvalidInputException.at(file.toString(), "", "no such file (" + what + "); " + fix);
            long size = Files.size(file);
            if (size != need)
                throw InvalidInputException.at(file.toString(), "", "has " + size + " bytes but the manifest's layout needs " + need + " ("
                        + (size < need ? "truncated" : "trailing data") + "); " + fix);
            if (need > Integer.MAX_VALUE - 8) throw InvalidInputException.at(file.toString(), "", "needs " + need + " bytes, more than one file may hold; " + fix);
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), "", "cannot be read (" + org.infomorph.json.IoReasons.of(e) + "); check its permissions");
        }
    }

    /** Throws, naming the tensor and the index, if a weight or bias is NaN or infinite. */
    static void checkFinite(String file, String tensor, double[] w, double[] b, String fix) {
        for (int i = 0; i < w.length; i++)
            if (!Double.isFinite(w[i])) throw InvalidInputException.at(file, tensor + ".w[" + i + "]", "is " + w[i] + "; " + fix);
        for (int i = 0; i < b.length; i++)
            if (!Double.isFinite(b[i])) throw InvalidInputException.at(file, tensor + ".b[" + i + "]", "is " + b[i] + "; " + fix);
    }

    /** {@link #checkFinite(String, String, double[], double[], String)} for every source of a network. */
    public static void checkFinite(TrainedNetwork net, String what, String fix) {
        for (int l = 0; l < net.layers().size(); l++)
            for (int s = 0; s < net.layers().get(l).sources().size(); s++) {
                SourceWeights w = net.layers().get(l).sources().get(s);
                checkFinite(what, "layers[" + l + "].sources." + net.spec().layers().get(l).sources().get(s).role(), w.w(), w.b(), fix);
            }
    }

    private static Map<String, Double> metrics(JsonFields f, JsonNode n) {
        Map<String, Double> out = new LinkedHashMap<>();
        if (n == null) return out;
        if (!n.isObject()) {
            f.problem("metrics", "must be an object of numbers, e.g. {\"testAccuracy\": 0.93}, got " + JsonFields.describe(n));
            return out;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            Double v = f.asNumber(e.getValue(), JsonFields.child("metrics", e.getKey()));
            if (v != null) out.put(e.getKey(), v);
        }
        return out;
    }

    /** Checks the manifest's layers against the spec; returns the byte offset of every source. */
    private static long[][] layout(JsonFields f, NetworkSpec spec, JsonNode layersNode) {
        long[][] offsets = new long[spec.layers().size()][];
        if (!layersNode.isArray() || layersNode.size() != spec.layers().size()) {
            f.problem("layers", "must list the " + spec.layers().size() + " layers of the network, got " + JsonFields.describe(layersNode));
            return offsets;
        }
        long expectedOffset = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            String lp = JsonFields.index("layers", l);
            offsets[l] = new long[layer.sourceCount()];
            JsonNode lo = f.object(layersNode.get(l), lp, NetworkJson.keys("name", "sources"), "{\"name\": ..., \"sources\": [...]}");
            if (lo == null) continue;
            String name = f.reqString(lo, lp, "name", "\"" + layer.name() + "\"");
            if (name != null && !name.equals(layer.name()))
                f.problem(lp + ".name", "must be \"" + layer.name() + "\" (network.layers[" + l + "].name), got " + org.infomorph.json.JsonPaths.quote(name));
            JsonNode so = f.required(lo, lp, "sources", "[{\"role\": \"R\", ...}]");
            if (so == null) continue;
            String sp = lp + ".sources";
            if (!so.isArray() || so.size() != layer.sourceCount()) {
                f.problem(sp, "must list the " + layer.sourceCount() + " sources of layer " + layer.name() + ", got " + JsonFields.describe(so));
                continue;
            }
            for (int s = 0; s < layer.sourceCount(); s++) {
                SourceSpec src = layer.sources().get(s);
                String ep = JsonFields.index(sp, s);
                JsonNode e = f.object(so.get(s), ep, NetworkJson.keys("role", "neurons", "size", "offset"), "{\"role\": \"R\", \"neurons\": 100, \"size\": 784, \"offset\": 0}");
                if (e == null) continue;
                String role = f.reqString(e, ep, "role", "\"" + src.role() + "\"");
                if (role != null && !role.equals(src.role().name()))
                    f.problem(ep + ".role", "must be \"" + src.role() + "\" (source " + s + " of layer " + layer.name() + "), got " + org.infomorph.json.JsonPaths.quote(role));
                Integer neurons = f.reqInt(e, ep, "neurons", String.valueOf(layer.neurons()));
                if (neurons != null && neurons != layer.neurons())
                    f.problem(ep + ".neurons", "must be " + layer.neurons() + " (the layer's neurons in the network description), got " + neurons);
                Integer size = f.reqInt(e, ep, "size", String.valueOf(src.size()));
                if (size != null && size != src.size())
                    f.problem(ep + ".size", "must be " + src.size() + " (the source size in the network description), got " + size);
                Long offset = f.reqLong(e, ep, "offset", String.valueOf(expectedOffset));
                if (offset != null && offset != expectedOffset)
                    f.problem(ep + ".offset", "must be " + expectedOffset + " (sources are stored back to back in order), got " + offset);
                offsets[l][s] = expectedOffset;
                expectedOffset += bytes(layer.neurons(), src.size());
            }
        }
        return offsets;
    }

    private static void checkShapes(TrainedNetwork net) {
        NetworkSpec spec = net.spec();
        if (net.layers().size() != spec.layers().size())
            throw new IllegalArgumentException(net.layers().size() + " weight layers for " + spec.layers().size() + " layers");
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            List<SourceWeights> ws = net.layers().get(l).sources();
            if (ws.size() != layer.sourceCount())
                throw new IllegalArgumentException("layer " + layer.name() + ": " + ws.size() + " weight sources for " + layer.sourceCount());
            for (int s = 0; s < ws.size(); s++)
                if (ws.get(s).neurons() != layer.neurons() || ws.get(s).size() != layer.sources().get(s).size())
                    throw new IllegalArgumentException("layer " + layer.name() + " source " + s + ": weights are " + ws.get(s).neurons() + "x"
                            + ws.get(s).size() + ", the spec says " + layer.neurons() + "x" + layer.sources().get(s).size());
        }
    }

    /** Bytes of one source: w then b, float64. */
    private static long bytes(int neurons, int size) {
        return 8L * ((long) neurons * size + neurons);
    }

    /** Lower-case hex SHA-256, the checksum of every stored artefact. */
    public static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
