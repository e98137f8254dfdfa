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
import org.infomorph.json.JsonFields;
import org.infomorph.json.JsonPaths;
import org.infomorph.json.StrictJson;

/**
 * Saves and loads an {@link Image} as a directory ({@value Image#FORMAT}): {@value #MANIFEST}
 * holds the network, the architecture, the seed, the per-source layout (neurons, size,
 * weightFrac, fixed, byte offset) and the SHA-256 of {@value #MEMORY}, which holds per layer and
 * source the weights, the biases and the mask as little-endian int32. Loading rejects a wrong
 * format, a missing or changed file ({@value CompiledImage#CHECKSUMS} is required), a truncated
 * file and sizes or formats that do not fit, with one line that names the file and the field.
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
        if (offset > Integer.MAX_VALUE - 8) throw new InvalidInputException("the image's memory would be " + offset + " bytes, more than one file may hold; use a smaller network");
        ByteBuffer buf = ByteBuffer.allocate((int) offset).order(ByteOrder.LITTLE_ENDIAN);
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
        CompiledImage.writeChecksums(dir);
    }

    /**
     * Loads and checks an image directory: the checksums of every file ({@link CompiledImage#verify}),
     * the manifest (strict JSON, every key and type), the memory's length before it is read and its
     * SHA-256, then the consistency rules ({@link ImageChecks}).
     */
    public static Image load(Path dir) {
        Path mf = manifestOf(dir);
        CompiledImage.verify(dir);
        String file = mf.toString();
        JsonNode m = StrictJson.read(mf, "image manifest", InvalidInputException.ERRORS);
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        JsonNode o = f.object(m, "", List.of("format", "network", "arch", "seed", "layers", "memory", "sha256"), "an image manifest");
        f.throwIfAny();
        JsonNode format = o.get("format");
        if (format == null || !format.isTextual() || !Image.FORMAT.equals(format.textValue()))
            throw InvalidInputException.at(file, "format", "must be \"" + Image.FORMAT + "\", got " + JsonFields.describe(format) + "; re-create the image with this version");
        JsonNode networkNode = f.required(o, "", "network", "{\"format\": \"infomorph-network/1\", ...}");
        JsonNode archNode = f.required(o, "", "arch", "{\"format\": \"infomorph-arch/1\", ...}");
        Long seed = f.reqLong(o, "", "seed", "30");
        String memory = f.reqString(o, "", "memory", "\"" + MEMORY + "\"");
        String sha = f.reqString(o, "", "sha256", "\"<64 hex digits>\"");
        JsonNode layersNode = f.required(o, "", "layers", "[{\"name\": \"hidden\", \"sources\": [...]}]");
        f.throwIfAny();
        if (!MEMORY.equals(memory)) throw InvalidInputException.at(file, "memory", "must be \"" + MEMORY + "\" (the file beside the manifest), got " + JsonPaths.quote(memory));
        NetworkSpec net = NetworkJson.fromTree(networkNode, file, "network");
        ArchConfig arch = ArchConfigJson.fromTree(archNode, file, "arch.");
        int wfMax = 30 - arch.numerics().input().frac();
        record Entry(int frac, boolean fixed) {}
        List<List<Entry>> entries = new ArrayList<>();
        long expected = 0;
        if (!layersNode.isArray() || layersNode.size() != net.layers().size())
            throw InvalidInputException.at(file, "layers", "must list the " + net.layers().size() + " layers of the network, got " + JsonFields.describe(layersNode));
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec spec = net.layers().get(l);
            String lp = JsonFields.index("layers", l);
            List<Entry> sources = new ArrayList<>();
            entries.add(sources);
            JsonNode lo = f.object(layersNode.get(l), lp, List.of("name", "sources"), "{\"name\": ..., \"sources\": [...]}");
            if (lo == null) continue;
            String name = f.reqString(lo, lp, "name", "\"" + spec.name() + "\"");
            if (name != null && !name.equals(spec.name()))
                f.problem(lp + ".name", "must be \"" + spec.name() + "\" as in network.layers[" + l + "], got " + JsonPaths.quote(name));
            JsonNode so = f.required(lo, lp, "sources", "[{\"neurons\": ..., ...}]");
            if (so == null) continue;
            if (!so.isArray() || so.size() != spec.sourceCount()) {
                f.problem(lp + ".sources", "must list the " + spec.sourceCount() + " sources of layer " + spec.name() + ", got " + JsonFields.describe(so));
                continue;
            }
            for (int s = 0; s < spec.sourceCount(); s++) {
                String sp = JsonFields.index(lp + ".sources", s);
                JsonNode e = f.object(so.get(s), sp, List.of("neurons", "size", "weightFrac", "fixed", "offset"), "{\"neurons\": ..., \"size\": ..., ...}");
                int neurons = spec.neurons(), size = spec.sources().get(s).size();
                if (e != null) {
                    Integer n = f.reqInt(e, sp, "neurons", String.valueOf(neurons), neurons, neurons);
                    Integer z = f.reqInt(e, sp, "size", String.valueOf(size), size, size);
                    Long off = f.reqLong(e, sp, "offset", String.valueOf(expected));
                    if (off != null && off != expected) f.problem(sp + ".offset", "must be " + expected + " (sources are stored back to back in order), got " + off);
                    Integer frac = f.reqInt(e, sp, "weightFrac", "5", 0, wfMax);
                    Boolean fixed = f.reqBool(e, sp, "fixed", "false");
                    if (n != null && z != null && frac != null && fixed != null) sources.add(new Entry(frac, fixed));
                }
                expected += bytes(neurons, size);
            }
        }
        f.throwIfAny();
        Path mem = dir.resolve(MEMORY);
        byte[] data = NetworkStore.readExactly(mem, expected, "the image's memory", "the image is damaged, create it again");
        String actual = NetworkStore.sha256(data);
        if (!actual.equalsIgnoreCase(sha))
            throw InvalidInputException.at(file, "sha256", "does not match " + MEMORY + " (" + actual + "); the image is damaged, create it again");
        ByteBuffer buf = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
        List<ImageLayer> layers = new ArrayList<>();
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec spec = net.layers().get(l);
            List<ImageSource> sources = new ArrayList<>();
            for (int s = 0; s < spec.sourceCount(); s++) {
                int neurons = spec.neurons(), size = spec.sources().get(s).size();
                int[] w = ints(buf, neurons * size), b = ints(buf, neurons), mask = ints(buf, neurons * size);
                Entry e = entries.get(l).get(s);
                sources.add(new ImageSource(neurons, size, e.frac(), w, b, mask, e.fixed()));
            }
            layers.add(new ImageLayer(spec.name(), sources));
        }
        Image image = new Image(net, arch, layers, seed);
        ImageChecks.check(image, file);
        return image;
    }

    /** {@code dir/image.json}, after checking that {@code dir} is a directory that holds one. */
    static Path manifestOf(Path dir) {
        if (dir.toString().isEmpty()) throw new InvalidInputException("an empty path was given for an image directory; give the directory quantize or compile wrote");
        if (!Files.isDirectory(dir))
            throw InvalidInputException.at(dir.toString(), null, (Files.exists(dir) ? "is a file, not a directory" : "no such directory")
                    + "; give the image directory quantize or compile wrote (" + MANIFEST + ", " + MEMORY + ", ...)");
        Path mf = dir.resolve(MANIFEST);
        if (!Files.exists(mf)) throw InvalidInputException.at(mf.toString(), null, "no such file; " + dir + " is not an image directory (quantize or compile writes one)");
        return mf;
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
