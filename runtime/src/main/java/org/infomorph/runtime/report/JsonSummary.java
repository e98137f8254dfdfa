package org.infomorph.runtime.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.SafeOutput;

/**
 * The {@code --json FILE} output of a command: its summary record in snake_case keys, indented,
 * each with a {@code format} name and version (documented in docs/report.md, checked against the
 * JSON Schemas under docs/schemas by the tests). A missing or undefined figure is {@code null},
 * never NaN.
 */
public final class JsonSummary {
    /** What an existing --json file must start with to be replaced: an earlier summary. */
    static final String MAGIC = "{";

    static final ObjectMapper MAPPER = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private JsonSummary() {}

    /** Checks the --json path before any work: not an input, not a directory, not a file of something else. */
    public static Path check(String option, Path file, List<Path> inputs) {
        return file == null ? null : SafeOutput.checkFile(option, file, inputs, "a JSON summary", MAGIC);
    }

    public static String json(Object summary) {
        try {
            return MAPPER.writeValueAsString(summary) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("summary " + summary.getClass().getSimpleName() + " is not serialisable: " + e.getMessage(), e);
        }
    }

    /** Writes the summary to a temporary sibling and renames it into place (nothing when {@code file} is null). */
    public static void write(String option, Path file, Object summary) {
        if (file == null) return;
        Path tmp = SafeOutput.temporaryFile(option, file);
        try {
            Files.writeString(tmp, json(summary), StandardCharsets.UTF_8);
            SafeOutput.moveIntoPlace(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            SafeOutput.discard(tmp);
        }
    }

    /** A figure for JSON: null when it is not a number (NaN, infinite), e.g. the train accuracy before learning. */
    public static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
