package org.infomorph.compiler.rtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.network.NetworkStore;

/**
 * Everything the Chisel generator reads (docs/llu-rtl.md): the architecture, the number of units,
 * the memory capacities and the test-only fault switch. {@link #hash()} names a build.
 *
 * @param fault -1, or the index of the RUN command whose first spike the RTL flips (tests only)
 */
public record GeneratorParams(ArchConfig arch, int units, Capacity capacity, int fault) {
    public static final String FORMAT = "infomorph-generator/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public GeneratorParams {
        if (units < 1 || units > 255) throw new IllegalArgumentException("units must be in 1..255, got " + units);
    }

    public GeneratorParams withFault(int f) {
        return new GeneratorParams(arch, units, capacity, f);
    }

    public ObjectNode toTree() {
        ObjectNode g = JSON.createObjectNode().put("format", FORMAT);
        g.set("arch", ArchConfigJson.toTree(arch));
        g.put("units", units);
        g.set("capacity", JSON.valueToTree(capacity));
        g.put("fault", fault);
        return g;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(toTree()) + "\n";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 of the canonical JSON, first 16 hex digits. */
    public String hash() {
        return NetworkStore.sha256(toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    public static GeneratorParams read(Path file) {
        try {
            return parse(JSON.readTree(Files.readString(file)), file.toString());
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file.toString(), null, "file not found; give a generator.json written by infomorph compile");
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
    }

    public static GeneratorParams parse(JsonNode root, String file) {
        if (root == null || !root.isObject()) throw InvalidInputException.at(file, "$", "must be a JSON object");
        if (!FORMAT.equals(root.path("format").asText()))
            throw InvalidInputException.at(file, "format", "must be \"" + FORMAT + "\", got " + root.get("format"));
        ArchConfig arch = ArchConfigJson.fromTree(root.get("arch"), file, "arch.");
        JsonNode cap = root.get("capacity");
        if (cap == null || !cap.isObject()) throw InvalidInputException.at(file, "capacity", "is missing; compile the image again");
        try {
            return new GeneratorParams(arch, root.path("units").asInt(0), JSON.treeToValue(cap, Capacity.class), root.path("fault").asInt(-1));
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.at(file, "capacity", e.getMessage() + "; compile the image again");
        }
    }
}
