package org.infomorph.compiler.image;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
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

/**
 * A compiled image directory: the {@link ImageStore} files, plus {@value #MAPPING} (target,
 * mode, units, slots, memory allocation with word layout, schedule, estimates, tool version),
 * {@value #GENERATOR} (exactly the parameters the Chisel generator reads), {@code mem/} (every
 * memory's initial contents as {@code $readmemh} hex and raw binary) and {@value #CHECKSUMS}
 * (the SHA-256 of every file; {@link #verify} rejects a missing, extra or changed file).
 */
public final class CompiledImage {
    public static final String MAPPING = "mapping.json", GENERATOR = "generator.json", CHECKSUMS = "checksums.sha256", MEMORIES = "mem";
    public static final String TOOL = "infomorph 0.1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CompiledImage() {}

    public static void write(Image image, Compilation c, Path dir) throws IOException {
        ImageStore.save(image, dir);
        Files.writeString(dir.resolve(MAPPING), JSON.writeValueAsString(mapping(c)) + "\n");
        Files.writeString(dir.resolve(GENERATOR), c.mapping().generator().toJson());
        MemoryImages.write(MemoryImages.of(image, c.mapping()), dir.resolve(MEMORIES));
        StringBuilder sums = new StringBuilder();
        for (Map.Entry<String, String> e : hashes(dir).entrySet()) sums.append(e.getValue()).append("  ").append(e.getKey()).append('\n');
        Files.writeString(dir.resolve(CHECKSUMS), sums.toString());
    }

    /** Checks every file against {@value #CHECKSUMS}; does nothing for an image without one (from quantize). */
    public static void verify(Path dir) {
        Path sums = dir.resolve(CHECKSUMS);
        if (!Files.exists(sums)) return;
        Map<String, String> expected = new TreeMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(sums);
        } catch (IOException e) {
            throw InvalidInputException.at(sums.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
        for (int i = 0; i < lines.size(); i++) {
            String[] parts = lines.get(i).split("  ", 2);
            if (parts.length != 2 || !parts[0].matches("[0-9a-f]{64}"))
                throw InvalidInputException.at(sums.toString(), "line " + (i + 1), "is not '<sha256>  <file>'; the image is damaged, compile it again");
            try {
                dir.resolve(parts[1]);
            } catch (java.nio.file.InvalidPathException e) {
                throw InvalidInputException.at(sums.toString(), "line " + (i + 1), "names no valid file; the image is damaged, compile it again");
            }
            expected.put(parts[1], parts[0]);
        }
        Map<String, String> actual;
        try {
            actual = hashes(dir);
        } catch (IOException e) {
            throw InvalidInputException.at(dir.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
        for (Map.Entry<String, String> e : expected.entrySet()) {
            String got = actual.get(e.getKey());
            if (got == null) throw InvalidInputException.at(dir.resolve(e.getKey()).toString(), null, "is missing; the image is incomplete, compile it again");
            if (!got.equals(e.getValue()))
                throw InvalidInputException.at(dir.resolve(e.getKey()).toString(), null, "does not match its SHA-256 in " + CHECKSUMS + "; the image is damaged, compile it again");
        }
        for (String f : actual.keySet())
            if (!expected.containsKey(f)) throw InvalidInputException.at(dir.resolve(f).toString(), null, "is not listed in " + CHECKSUMS + "; the image was changed, compile it again");
    }

    private static Map<String, String> hashes(Path dir) throws IOException {
        Map<String, String> out = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).toList();
        }
        for (Path f : files) {
            String rel = dir.relativize(f).toString().replace('\\', '/');
            if (!rel.equals(CHECKSUMS)) out.put(rel, NetworkStore.sha256(Files.readAllBytes(f)));
        }
        return out;
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
