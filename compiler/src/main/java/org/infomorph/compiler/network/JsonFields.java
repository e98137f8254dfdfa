package org.infomorph.compiler.network;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.infomorph.compiler.InvalidInputException;

/**
 * Typed, path-aware access to a Jackson tree that collects problems instead of failing at the
 * first one. Each getter returns null (or the default) when the value is missing or wrong and
 * records a problem of the form {@code path: what is wrong and how to fix it}.
 */
final class JsonFields {
    private final String file;
    private final List<String> problems = new ArrayList<>();

    JsonFields(String file) {
        this.file = file;
    }

    String file() {
        return file;
    }

    void problem(String path, String message) {
        problems.add(path.isEmpty() ? message : path + ": " + message);
    }

    boolean hasProblems() {
        return !problems.isEmpty();
    }

    /**
     * Throws one {@link InvalidInputException} listing every problem, one per line, each line
     * self-contained ({@code file: path: problem}).
     */
    void throwIfAny() {
        if (problems.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (String p : problems) {
            if (sb.length() > 0) sb.append('\n');
            sb.append(file).append(": ").append(p);
        }
        throw new InvalidInputException(sb.toString());
    }

    static String child(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String index(String path, int i) {
        return path + "[" + i + "]";
    }

    /** The node as an object whose keys all lie in {@code allowed}; null (with a problem) otherwise. */
    JsonNode object(JsonNode n, String path, Set<String> allowed, String what) {
        if (n == null || !n.isObject()) {
            problem(path, "must be an object (" + what + "), got " + describe(n));
            return null;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k))
                problem(child(path, k), "unknown key; allowed keys here: " + String.join(", ", allowed));
        }
        return n;
    }

    JsonNode required(JsonNode obj, String path, String key, String example) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            problem(child(path, key), "missing required key (e.g. \"" + key + "\": " + example + ")");
            return null;
        }
        return n;
    }

    Integer reqInt(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asInt(n, child(path, key));
    }

    Integer optInt(JsonNode obj, String path, String key, int dflt) {
        JsonNode n = obj.get(key);
        return n == null ? Integer.valueOf(dflt) : asInt(n, child(path, key));
    }

    Integer asInt(JsonNode n, String path) {
        if (n.isIntegralNumber() && n.canConvertToInt()) return n.intValue();
        problem(path, "must be an integer, got " + describe(n));
        return null;
    }

    Long reqLong(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asLong(n, child(path, key));
    }

    Long optLong(JsonNode obj, String path, String key, long dflt) {
        JsonNode n = obj.get(key);
        return n == null ? Long.valueOf(dflt) : asLong(n, child(path, key));
    }

    private Long asLong(JsonNode n, String path) {
        if (n.isIntegralNumber() && n.canConvertToLong()) return n.longValue();
        problem(path, "must be an integer (64-bit), got " + describe(n));
        return null;
    }

    Double reqNumber(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asNumber(n, child(path, key));
    }

    Double optNumber(JsonNode obj, String path, String key, double dflt) {
        JsonNode n = obj.get(key);
        return n == null ? Double.valueOf(dflt) : asNumber(n, child(path, key));
    }

    Double asNumber(JsonNode n, String path) {
        if (n.isNumber() && Double.isFinite(n.doubleValue())) return n.doubleValue();
        problem(path, "must be a finite number, got " + describe(n));
        return null;
    }

    String reqString(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asString(n, child(path, key));
    }

    String asString(JsonNode n, String path) {
        if (n.isTextual()) return n.textValue();
        problem(path, "must be a string, got " + describe(n));
        return null;
    }

    Boolean optBool(JsonNode obj, String path, String key, boolean dflt) {
        JsonNode n = obj.get(key);
        if (n == null) return dflt;
        if (n.isBoolean()) return n.booleanValue();
        problem(child(path, key), "must be true or false, got " + describe(n));
        return null;
    }

    /** A short description of a node for messages: its type and (short) value. */
    static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isTextual()) {
            String t = n.textValue();
            return "string \"" + (t.length() > 40 ? t.substring(0, 40) + "..." : t) + "\"";
        }
        if (n.isBoolean()) return "boolean " + n.booleanValue();
        if (n.isNumber()) return "number " + n.asText();
        if (n.isArray()) return "an array of " + n.size();
        return "an object";
    }
}
