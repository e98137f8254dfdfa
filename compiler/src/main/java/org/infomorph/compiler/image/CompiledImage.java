package org.infomorph.compiler.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.LinkOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.Allocation;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Schedule;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.targets.TargetJson;

/**
 * A compiled image directory: the {@link ImageStore} files, plus {@value #MAPPING} (target,
 * mode, units, slots, memory allocation with word layout, schedule, estimates, tool version),
 * {@value #GENERATOR} (exactly the parameters the Chisel generator reads), {@value #TARGET} (the target
 * descriptor it was compiled for, so that every derived file can be recomputed), {@code mem/} (every
 * initialised memory block as {@code $readmemh} hex and raw binary) and {@value #CHECKSUMS}
 * (the SHA-256 of every file; {@link #verify} rejects a missing, extra or changed file).
 */
public final class CompiledImage {
    public static final String MAPPING = "mapping.json", GENERATOR = "generator.json", TARGET = "target.json", CHECKSUMS = "checksums.sha256",
            MEMORIES = "mem";
    public static final String TOOL = org.infomorph.compiler.Version.TOOL;
    /** File names an image may hold: a plain name, or one in {@value #MEMORIES}/. */
    private static final Pattern SAFE_NAME = Pattern.compile("(mem/)?[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final int MAX_FILES = 100_000, MAX_CHECKSUMS_BYTES = 16 << 20;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompiledImage() {}

    public static void write(Image image, Compilation c, Path dir) throws IOException {
        ImageStore.save(image, dir);
        Files.writeString(dir.resolve(MAPPING), JSON.writeValueAsString(mapping(c)) + "\n");
        Files.writeString(dir.resolve(GENERATOR), c.mapping().generator().toJson());
        Files.writeString(dir.resolve(TARGET), TargetJson.write(c.target()));
        MemoryImages.write(MemoryImages.of(image, c.mapping()), dir.resolve(MEMORIES));
        writeChecksums(dir);
    }

    /** Writes {@value #CHECKSUMS}: the SHA-256 of every other file of the image, sorted by path. */
    static void writeChecksums(Path dir) throws IOException {
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> e : hashes(dir).entrySet()) sums.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        Files.writeString(dir.resolve(CHECKSUMS), sums.toString());
    }

    /**
     * Checks every file against {@value #CHECKSUMS}, which is required: a missing, extra or changed
     * file, a symbolic link or a damaged line is one error naming the file.
     */
    public static void verify(Path dir) {
        Path sums = dir.resolve(CHECKSUMS);
        if (!Files.isRegularFile(sums, LinkOption.NOFOLLOW_LINKS))
            throw InvalidInputException.at(sums.toString(), null, "is missing; every image lists the SHA-256 of its files there (written by quantize and compile): create the image again");
        Map<String, String> expected = new TreeMap<>();
        List<String> lines;
        try {
            if (Files.size(sums) > MAX_CHECKSUMS_BYTES)
                throw InvalidInputException.at(sums.toString(), null, "is larger than " + MAX_CHECKSUMS_BYTES + " bytes; the image is damaged, create it again");
            lines = Files.readAllLines(sums, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw InvalidInputException.at(sums.toString(), null, "cannot be read as UTF-8 text (" + org.infomorph.json.IoReasons.of(e) + "); the image is damaged, create it again");
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("  ", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}") || !SAFE_NAME.matcher(parts[1]).matches())
                throw InvalidInputException.at(sums.toString(), "line " + (i + 1), "is not '<sha256>  <file>' with a file of the image; the image is damaged, create it again");
            if (expected.put(parts[1], parts[0]) != null)
                throw InvalidInputException.at(sums.toString(), "line " + (i + 1), "lists " + parts[1] + " a second time; the image is damaged, create it again");
        }
        Map<String, String> actual;
        try {
            actual = hashes(dir);
        } catch (IOException e) {
            throw InvalidInputException.at(dir.toString(), null, "cannot be read (" + org.infomorph.json.IoReasons.of(e) + "); check its permissions");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null) throw InvalidInputException.at(dir.resolve(e.getKey()).toString(), null, "is missing; the image is incomplete, create it again");
            if (!got.equals(e.getValue()))
                throw InvalidInputException.at(dir.resolve(e.getKey()).toString(), null, "does not match its SHA-256 in " + CHECKSUMS + "; the image is damaged, create it again");
        }
        for (String f : actual.keySet())
            if (!expected.containsKey(f)) throw InvalidInputException.at(dir.resolve(f).toString(), null, "is not listed in " + CHECKSUMS + "; the image was changed, create it again");
    }

    /** SHA-256 of every file under {@code dir} but the checksum file, by relative path; symbolic links and odd names are refused. */
    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.limit(MAX_FILES + 1L).toList();
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        if (files.size() > MAX_FILES) throw InvalidInputException.at(dir.toString(), null, "holds more than " + MAX_FILES + " files; it is not an image");
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            if (Files.isSymbolicLink(f))
                throw InvalidInputException.at(f.toString(), null, "is a symbolic link; an image holds plain files only: create it again");
            if (!Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) continue;
            if (!SAFE_NAME.matcher(rel).matches())
                throw InvalidInputException.at(f.toString(), null, "is not a file an image holds (odd name); remove it or create the image again");
            if (!rel.equals(CHECKSUMS)) out.put(rel, sha256(f));
        }
        return out;
    }

    private static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) md.update(buf, 0, n);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode mapping(Compilation c) {
        ObjectNode m = JSON.createObjectNode();
        var g = c.mapping().generator();
        m.put("tool", TOOL).put("target", c.target().name()).put("mode", c.mapping().mode().toString()).put("units", c.mapping().units())
                .put("lanesPerWord", g.lanesPerWord()).put("generatorHash", g.hash());
        m.set("slots", JSON.valueToTree(c.mapping().slots()));
        m.put("neuronPlacement", "neuron j of a layer runs on lane j % units, in slot j / units");
        ArrayNode allocs = m.putArray("memories");
        for (Allocation a : c.mapping().allocations()) {
            allocs.addObject().put("array", a.array().name()).put("instances", a.array().count()).put("depth", a.array().depth())
                    .put("width", a.array().width()).put("ports", a.array().ports().toString()).put("memory", a.memory()).put("blocks", a.blocks());
        }
        ObjectNode s = m.putObject("schedule");
        phases(s.putArray("sample"), c.schedule().sample());
        phases(s.putArray("learning"), c.schedule().learning());
        phases(s.putArray("boundary"), c.schedule().boundary());
        m.set("estimates", JSON.valueToTree(c.estimates()));
        return m;
    }

    private static void phases(ArrayNode out, List<Schedule.Phase> phases) {
        for (Schedule.Phase p : phases) out.addObject().put("name", p.name()).put("cycles", p.cycles()).put("macs", p.macs());
    }

}
