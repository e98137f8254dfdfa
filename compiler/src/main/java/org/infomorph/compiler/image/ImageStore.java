package org.infomorph.compiler.image;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;

/**
 * Saves and loads an {@link Image} as a directory ({@value Image#FORMAT}): {@value #MANIFEST}
 * holds the network, the architecture, the seed, the per-source layout (neurons, size,
 * weightFrac, fixed, byte offset) and the SHA-256 of {@value #MEMORY}, which holds per layer and
 * source the weights, the biases and the mask as little-endian int32. Loading rejects a wrong
 * format, a checksum mismatch, a truncated file and sizes or formats that do not fit, with one
 * line that names the file and the field.
 */
public final class ImageStore {
    public static final String MANIFEST = "image.json";
    public static final String MEMORY = "memory.bin";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImageStore() {}

    public static void save(Image image, Path dir) throws IOException {
        ObjectNode m = JSON.createObjectNode();
        m.put("format", Image.FORMAT);
        m.set("network", NetworkJson.toTree(image.network()));
        m.set("arch", ArchConfigJson.toTree(image.arch()));
        m.put("seed", image.seed());
        ArrayNode layers = m.putArray("layers");
        long offset = 0;
        for (ImageLayer l : image.layers()) {
            ObjectNode lo = layers.addObject().put("name", l.name());
            ArrayNode so = lo.putArray("sources");
            for (ImageSource s : l.sources()) {
                so.addObject().put("neurons", s.neurons()).put("size", s.size()).put("weightFrac", s.weightFrac())
                        .put("fixed", s.fixed()).put("offset", offset);
                offset += bytes(s.neurons(), s.size());
            }
        }
        ByteBuffer buf = ByteBuffer.allocate(Math.toIntExact(offset)).order(ByteOrder.LITTLE_ENDIAN);
        for (ImageLayer l : image.layers())
            for (ImageSource s : l.sources()) {
                for (int v : s.w()) buf.putInt(v);
                for (int v : s.b()) buf.putInt(v);
                for (int v : s.mask()) buf.putInt(v);
            }
        m.put("memory", MEMORY);
        m.put("sha256", NetworkStore.sha256(buf.array()));
        Files.createDirectories(dir);
        Files.write(dir.resolve(MEMORY), buf.array());
        Files.writeString(dir.resolve(MANIFEST), JSON.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    public static Image load(Path dir) {
        CompiledImage.verify(dir);
        Path mf = dir.resolve(MANIFEST);
        String file = mf.toString();
        JsonNode m;
        try {
            m = JSON.readTree(Files.readString(mf, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file, null, "not found; give a directory written by 'infomorph quantize'");
        } catch (IOException e) {
            throw InvalidInputException.at(file, null, "cannot read or parse (" + e.getMessage().split("\n")[0] + ")");
        }
        if (!m.isObject() || !Image.FORMAT.equals(m.path("format").asText()))
            throw InvalidInputException.at(file, "format", "must be \"" + Image.FORMAT + "\", got " + m.get("format") + "; re-create the image with this version");
        NetworkSpec net = NetworkJson.fromTree(m.get("network"), file, "network");
        ArchConfig arch = ArchConfigJson.fromTree(m.get("arch"), file, "arch.");
        if (!m.path("seed").canConvertToLong()) throw InvalidInputException.at(file, "seed", "must be an integer");
        byte[] data = memory(dir, m, file);
        JsonNode layersNode = m.path("layers");
        if (!layersNode.isArray() || layersNode.size() != net.layers().size())
            throw InvalidInputException.at(file, "layers", "must list the " + net.layers().size() + " layers of the network");
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<ImageLayer> layers = new ArrayList<>();
        long expected = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec spec = net.layers().get(l);
            JsonNode so = layersNode.get(l).path("sources");
            String lp = "layers[" + l + "]";
            if (!spec.name().equals(layersNode.get(l).path("name").asText()))
                throw InvalidInputException.at(file, lp + ".name", "must be \"" + spec.name() + "\" as in network.layers[" + l + "]");
            if (!so.isArray() || so.size() != spec.sourceCount())
                throw InvalidInputException.at(file, lp + ".sources", "must list the " + spec.sourceCount() + " sources of layer " + spec.name());
            List<ImageSource> sources = new ArrayList<>();
            for (int s = 0; s < spec.sourceCount(); s++) {
                JsonNode e = so.get(s);
                String sp = lp + ".sources[" + s + "]";
                int neurons = spec.neurons(), size = spec.sources().get(s).size();
                checkInt(file, sp + ".neurons", e.path("neurons"), neurons);
                checkInt(file, sp + ".size", e.path("size"), size);
                checkInt(file, sp + ".offset", e.path("offset"), expected);
                int frac = e.path("weightFrac").asInt(Integer.MIN_VALUE);
                if (!e.path("weightFrac").isInt() || frac < -32 || frac > 48)
                    throw InvalidInputException.at(file, sp + ".weightFrac", "must be an integer in -32..48, got " + e.get("weightFrac"));
                if (!e.path("fixed").isBoolean()) throw InvalidInputException.at(file, sp + ".fixed", "must be true or false");
                buf.position(Math.toIntExact(expected));
                int[] w = ints(buf, neurons * size), b = ints(buf, neurons), mask = ints(buf, neurons * size);
                sources.add(new ImageSource(neurons, size, frac, w, b, mask, e.path("fixed").booleanValue()));
                expected += bytes(neurons, size);
            }
            layers.add(new ImageLayer(spec.name(), sources));
        }
        if (expected != data.length)
            throw InvalidInputException.at(dir.resolve(MEMORY).toString(), null, "has " + data.length + " bytes, the layout needs " + expected);
        Image image = new Image(net, arch, layers, m.get("seed").asLong());
        ImageChecks.check(image, file);
        return image;
    }

    private static byte[] memory(Path dir, JsonNode m, String file) {
        if (!MEMORY.equals(m.path("memory").asText()))
            throw InvalidInputException.at(file, "memory", "must be \"" + MEMORY + "\"");
        Path mem = dir.resolve(MEMORY);
        byte[] data;
        try {
            data = Files.readAllBytes(mem);
        } catch (IOException e) {
            throw InvalidInputException.at(mem.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
        String actual = NetworkStore.sha256(data);
        if (!actual.equalsIgnoreCase(m.path("sha256").asText()))
            throw InvalidInputException.at(file, "sha256", "does not match " + MEMORY + " (" + actual + "); the image is damaged, re-create it");
        return data;
    }

    private static void checkInt(String file, String path, JsonNode n, long expected) {
        if (!n.canConvertToLong() || n.asLong() != expected)
            throw InvalidInputException.at(file, path, "must be " + expected + ", got " + n);
    }

    private static int[] ints(ByteBuffer buf, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) out[i] = buf.getInt();
        return out;
    }

    private static long bytes(int neurons, int size) {
        return 4L * (2L * neurons * size + neurons);
    }
}
