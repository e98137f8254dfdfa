package org.infomorph.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Validates a command's --json output against its documented shape: the $defs entry named after the command in docs/report-schemas.json. */
public final class JsonShapes {
    /** The schema document, from a module's directory (where surefire runs). */
    public static final Path SCHEMAS = Path.of("../docs/report-schemas.json");

    private JsonShapes() {}

    /** The problems of {@code json} against the shape of {@code command} (empty when it conforms). */
    public static List<String> problems(String command, JsonNode json) throws IOException {
        ObjectNode root = (ObjectNode) new ObjectMapper().readTree(SCHEMAS.toFile());
        if (!root.path("$defs").has(command)) throw new IllegalArgumentException("no shape for " + command + " in " + SCHEMAS);
        root.put("$ref", "#/$defs/" + command);
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
        return schema.validate(json).stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    public static List<String> problems(String command, Path file) throws IOException {
        return problems(command, new ObjectMapper().readTree(file.toFile()));
    }
}
