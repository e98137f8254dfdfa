package org.infomorph.compiler.arch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.json.JsonFields;
import org.infomorph.json.JsonPaths;
import org.infomorph.json.JsonRecords;
import org.infomorph.json.StrictJson;

/**
 * Reads and writes {@link ArchConfig} as JSON ({@value ArchConfig#FORMAT}), the form every part of
 * the toolchain (Java model, compiler, Chisel generator) reads. Reading is strict ({@link StrictJson})
 * and generic over the record ({@link JsonRecords}): one key per field, no other keys, every key
 * required, integers in their documented ranges ({@link ArchConfigRules#range}), then the rules
 * between fields ({@link ArchConfigRules#check}). Each problem names the JSON path and the rule.
 */
public final class ArchConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String HINT = "'infomorph arch' prints a complete configuration to start from";

    private ArchConfigJson() {}

    public static ObjectNode toTree(ArchConfig c) {
        ObjectNode root = JSON.createObjectNode().put("format", ArchConfig.FORMAT);
        root.setAll((ObjectNode) JSON.valueToTree(c));
        return root;
    }

    public static String write(ArchConfig c) {
        ObjectNode root = toTree(c);
        try {
            return JSON.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ArchConfig read(Path file) {
        return fromTree(StrictJson.read(file, "architecture configuration", InvalidInputException.ERRORS), file.toString(), "");
    }

    public static ArchConfig parse(String json, String file) {
        return fromTree(StrictJson.parse(json, file, InvalidInputException.ERRORS), file, "");
    }

    /**
     * Validates a tree holding a configuration.
     *
     * @param prefix the JSON path of the configuration in its file followed by a dot (e.g. {@code "arch."}), or "" for the root
     */
    public static ArchConfig fromTree(JsonNode root, String file, String prefix) {
        String path = prefix.endsWith(".") ? prefix.substring(0, prefix.length() - 1) : prefix;
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        if (root == null || !root.isObject()) {
            f.problem(path, "must be an architecture configuration object (" + HINT + "), got " + JsonFields.describe(root));
            f.throwIfAny();
        }
        JsonNode format = root.get("format");
        if (format == null || !format.isTextual() || !ArchConfig.FORMAT.equals(format.textValue()))
            f.problem(JsonFields.child(path, "format"), "must be \"" + ArchConfig.FORMAT + "\", got "
                    + (format != null && format.isTextual() ? JsonPaths.quote(format.textValue()) : JsonFields.describe(format)) + "; is it an architecture configuration?");
        renamedRanges(f, root.get("learning"), JsonFields.child(path, "learning"));
        ArchConfig c = JsonRecords.read(f, root, path, ArchConfig.class, ArchConfigRules::range, Set.of("format"), HINT);
        f.throwIfAny();
        List<String> rules = ArchConfigRules.check(c);
        for (String r : rules) f.problem("", (path.isEmpty() ? "" : path + ".") + r); // each rule starts with its field's path
        f.throwIfAny();
        return c;
    }

    /** Rule v3 replaced the three range fields by one range per layer kind: a file written before says how to update it. */
    private static void renamedRanges(JsonFields f, JsonNode learning, String path) {
        if (learning == null || !learning.isObject()) return;
        for (String old : List.of("initialRangeExp", "minRangeExp", "maxRangeExp"))
            if (learning.has(old))
                f.problem(JsonFields.child(path, old), "replaced by learning.ranges, one range per layer kind: {\"twoSources\": {\"initialExp\": .., \"minExp\": .., "
                        + "\"maxExp\": ..}, \"threeSources\": {..}} (docs/llu-rule.md section 3); " + HINT);
    }
}
