package org.infomorph.compiler.arch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.infomorph.compiler.InvalidInputException;

/**
 * Reads and writes {@link ArchConfig} as JSON ({@value ArchConfig#FORMAT}), the form every part of
 * the toolchain (Java model, compiler, Chisel generator) reads. Unknown keys, missing keys and
 * values that break a rule are reported with the JSON path and the rule.
 */
public final class ArchConfigJson {
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT);

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
        try {
            return parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(file.toString(), null, "file not found; give the path of an architecture JSON file");
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), null, "cannot read (" + e.getMessage() + ")");
        }
    }

    public static ArchConfig parse(String json, String file) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.at(file, null, "not valid JSON at line " + e.getLocation().getLineNr() + "; fix the syntax");
        }
        return fromTree(root, file, "");
    }

    public static ArchConfig fromTree(JsonNode root, String file, String prefix) {
        if (root == null || !root.isObject()) throw InvalidInputException.at(file, prefix.isEmpty() ? "$" : prefix, "must be a JSON object");
        JsonNode format = root.get("format");
        if (format == null || !ArchConfig.FORMAT.equals(format.asText()))
            throw InvalidInputException.at(file, prefix + "format", "must be \"" + ArchConfig.FORMAT + "\", got " + format);
        ObjectNode body = ((ObjectNode) root).deepCopy();
        body.remove("format");
        ArchConfig c;
        try {
            c = JSON.treeToValue(body, ArchConfig.class);
        } catch (JsonMappingException e) {
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String why = e.getOriginalMessage().split("\n")[0];
            if (why.startsWith("Missing creator property")) why = "is missing; 'infomorph arch' prints a complete configuration to start from";
            else if (why.startsWith("Unrecognized field")) why = "is not a known key; 'infomorph arch' prints the allowed keys";
            else why = why.replaceAll("`[^`]*DeserializationFeature[^`]*`[^;]*", "").replaceAll("; *$", "");
            throw InvalidInputException.at(file, prefix + path, why);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.at(file, prefix, e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(file, prefix, e.getMessage());
        }
        List<String> problems = ArchConfigRules.check(c);
        if (!problems.isEmpty()) {
            List<String> lines = new ArrayList<>();
            for (String p : problems) lines.add(InvalidInputException.at(file, null, prefix + p).getMessage());
            throw new InvalidInputException(String.join("\n", lines));
        }
        return c;
    }
}
