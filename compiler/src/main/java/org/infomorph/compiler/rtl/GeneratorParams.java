package org.infomorph.compiler.rtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;

/**
 * Everything the Chisel generator reads (docs/llu-rtl.md), and the file {@code infomorph compile}
 * writes as {@code generator.json}: the architecture, whether the array learns, whether it draws
 * stochastic spikes, the number of lanes, how many lanes share a memory word, the capacities,
 * the synthesis style of every memory ({@link RtlMemories}) and the test-only fault switch.
 * {@link #hash()} names a build (a simulation library, a bitstream).
 *
 * @param learning         the learning hardware (histograms, tables, slopes, updates) is built
 * @param stochasticSpikes spikes can be drawn from the PRNGs (always true when learning)
 * @param units            P, the number of lanes
 * @param lanesPerWord     lanes that share one word of a lane memory (1 .. units)
 * @param styles           memory name -> yosys ram_style ("block", "huge", "logic"); missing = "block"
 * @param fault            -1, or the index of the RUN command whose first spike the RTL flips (tests only)
 */
public record GeneratorParams(ArchConfig arch, boolean learning, boolean stochasticSpikes, int units, int lanesPerWord, Capacity capacity,
                              Map<String, String> styles, int fault) {
    public static final String FORMAT = "infomorph-generator/2";
    private static final ObjectMapper JSON = CanonicalJson.JSON;

    public GeneratorParams {
        if (units < 1 || units > 255) throw new IllegalArgumentException("units must be in 1..255, got " + units);
        if (lanesPerWord < 1 || lanesPerWord > units) throw new IllegalArgumentException("lanesPerWord must be in 1.." + units + ", got " + lanesPerWord);
        if (learning && !stochasticSpikes) throw new IllegalArgumentException("a learning array draws stochastic spikes");
        styles = Map.copyOf(new TreeMap<>(styles));
        for (var e : styles.entrySet())
            if (!RtlMemories.STYLES.contains(e.getValue()))
                throw new IllegalArgumentException("styles." + e.getKey() + " must be one of " + RtlMemories.STYLES + ", got " + e.getValue());
    }

    /** A simulation build: one lane per word, block-style memories. */
    public static GeneratorParams simulation(ArchConfig arch, int units, Capacity capacity) {
        return new GeneratorParams(arch, true, true, units, 1, capacity, Map.of(), -1);
    }

    public GeneratorParams withFault(int f) {
        return new GeneratorParams(arch, learning, stochasticSpikes, units, lanesPerWord, capacity, styles, f);
    }

    /** The style of memory {@code name}. */
    public String style(String name) {
        return styles.getOrDefault(name, "block");
    }

    /** Lane memory groups: ceil(units / lanesPerWord) memories, each lanesPerWord lanes wide. */
    public int laneGroups() {
        return (units + lanesPerWord - 1) / lanesPerWord;
    }

    public ObjectNode toTree() {
        ObjectNode g = JSON.createObjectNode().put("format", FORMAT);
        g.set("arch", ArchConfigJson.toTree(arch));
        g.put("learning", learning).put("stochasticSpikes", stochasticSpikes).put("units", units).put("lanesPerWord", lanesPerWord);
        g.set("capacity", JSON.valueToTree(capacity));
        g.set("styles", JSON.valueToTree(new TreeMap<>(styles)));
        g.put("fault", fault);
        return g;
    }

    public String toJson() {
        return CanonicalJson.text(toTree());
    }

    /** SHA-256 of the canonical JSON, first 16 hex digits. */
    public String hash() {
        return CanonicalJson.hash(toTree());
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
            throw InvalidInputException.at(file, "format", "must be \"" + FORMAT + "\", got " + root.get("format") + "; compile the image again");
        ArchConfig arch = ArchConfigJson.fromTree(root.get("arch"), file, "arch.");
        JsonNode cap = root.get("capacity");
        if (cap == null || !cap.isObject()) throw InvalidInputException.at(file, "capacity", "is missing; compile the image again");
        for (String key : new String[] {"learning", "stochasticSpikes"})
            if (!root.path(key).isBoolean()) throw InvalidInputException.at(file, key, "must be true or false; compile the image again");
        for (String key : new String[] {"units", "lanesPerWord", "fault"})
            if (!root.path(key).isInt()) throw InvalidInputException.at(file, key, "must be an integer; compile the image again");
        try {
            Map<String, String> styles = new TreeMap<>();
            root.path("styles").fields().forEachRemaining(e -> styles.put(e.getKey(), e.getValue().asText()));
            return new GeneratorParams(arch, root.get("learning").asBoolean(), root.get("stochasticSpikes").asBoolean(), root.get("units").asInt(),
                    root.get("lanesPerWord").asInt(), JSON.treeToValue(cap, Capacity.class), styles, root.get("fault").asInt());
        } catch (IOException | IllegalArgumentException e) {
            throw InvalidInputException.at(file, "capacity", e.getMessage() + "; compile the image again");
        }
    }
}
