package org.infomorph.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Optional;

/**
 * The first difference between two JSON trees, in document order of the expected tree: integers
 * compare by value whatever their width (an int read back equals the long it was written from), an
 * integer never equals a fraction ({@code 16} is not {@code 16.0}), objects compare by key whatever
 * the order, arrays element by element.
 */
public final class JsonDiff {
    /** @param path where they differ; @param expected,actual short descriptions of the two values there */
    public record Difference(String path, String expected, String actual) {}

    private JsonDiff() {}

    public static Optional<Difference> first(JsonNode expected, JsonNode actual) {
        return diff(expected, actual, "");
    }

    private static Optional<Difference> diff(JsonNode e, JsonNode a, String path) {
        if (a == null || a.isMissingNode()) return Optional.of(new Difference(path, JsonFields.describe(e), "nothing (missing)"));
        if (e.isObject() && a.isObject()) {
            for (Iterator<String> it = e.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                Optional<Difference> d = diff(e.get(k), a.get(k), JsonPaths.child(path, k));
                if (d.isPresent()) return d;
            }
            for (Iterator<String> it = a.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!e.has(k)) return Optional.of(new Difference(JsonPaths.child(path, k), "nothing (no such key)", JsonFields.describe(a.get(k))));
            }
            return Optional.empty();
        }
        if (e.isArray() && a.isArray()) {
            for (int i = 0; i < Math.min(e.size(), a.size()); i++) {
                Optional<Difference> d = diff(e.get(i), a.get(i), JsonPaths.index(path, i));
                if (d.isPresent()) return d;
            }
            if (e.size() != a.size()) return Optional.of(new Difference(path, JsonFields.describe(e), JsonFields.describe(a)));
            return Optional.empty();
        }
        if (e.isNumber() && a.isNumber()) {
            boolean same = e.isIntegralNumber() == a.isIntegralNumber() && (e.isIntegralNumber() ? e.bigIntegerValue().equals(a.bigIntegerValue())
                    : Double.compare(e.doubleValue(), a.doubleValue()) == 0);
            return same ? Optional.empty() : Optional.of(new Difference(path, JsonFields.describe(e), JsonFields.describe(a)));
        }
        return e.equals(a) ? Optional.empty() : Optional.of(new Difference(path, JsonFields.describe(e), JsonFields.describe(a)));
    }
}
