package org.infomorph.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;

/**
 * Typed, path-aware access to a tree from {@link StrictJson} that collects problems instead of
 * failing at the first one. Each getter returns null (or the default) when the value is missing or
 * wrong and records a problem {@code file: path: what is wrong and how to fix it}. Types are strict:
 * an integer is a JSON integer ({@code 8.0}, {@code 8.5}, {@code 1e3} and {@code "8"} are not), a
 * number is a JSON number, and ranges are checked where they are given. {@link #throwIfAny} throws
 * the first {@value InputException#SHOWN} problems and the count.
 */
public final class JsonFields {
    private final String file;
    private final InputException.Factory errors;
    private final List<String> problems = new ArrayList<>();
    private int count;

    public JsonFields(String file, InputException.Factory errors) {
        this.file = file;
        this.errors = errors;
    }

    public String file() {
        return file;
    }

    public void problem(String path, String message) {
        count++;
        if (problems.size() < InputException.SHOWN) problems.add(InputException.line(file, path, message));
    }

    public boolean hasProblems() {
        return count > 0;
    }

    /** Throws the problems found so far (the first {@value InputException#SHOWN} and the count), if any. */
    public void throwIfAny() {
        if (count > 0) throw errors.create(problems, count);
    }

    /** Records every problem of {@code e} (e.g. from a nested reader) as this reader's own. */
    public void addAll(InputException e) {
        for (String p : e.problems()) {
            count++;
            if (problems.size() < InputException.SHOWN) problems.add(p);
        }
        count += e.total() - e.problems().size();
    }

    public static String child(String path, String key) {
        return JsonPaths.child(path, key);
    }

    public static String index(String path, int i) {
        return JsonPaths.index(path, i);
    }

    /** The node as an object whose keys all lie in {@code allowed}; null (with a problem) otherwise. */
    public JsonNode object(JsonNode n, String path, Collection<String> allowed, String what) {
        if (n == null || !n.isObject()) {
            problem(path, "must be an object (" + what + "), got " + describe(n));
            return null;
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k)) problem(child(path, k), "unknown key; allowed keys here: " + String.join(", ", allowed));
        }
        return n;
    }

    public JsonNode required(JsonNode obj, String path, String key, String example) {
        JsonNode n = obj.get(key);
        if (n == null || n.isNull()) {
            problem(child(path, key), n == null ? "missing required key; add e.g. \"" + key + "\": " + example
                    : "must not be null; give a value, e.g. \"" + key + "\": " + example);
            return null;
        }
        return n;
    }

    public Integer reqInt(JsonNode obj, String path, String key, String example) {
        return reqInt(obj, path, key, example, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** A required integer in {@code min..max}. */
    public Integer reqInt(JsonNode obj, String path, String key, String example, int min, int max) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asInt(n, child(path, key), min, max);
    }

    public Integer optInt(JsonNode obj, String path, String key, int dflt) {
        return optInt(obj, path, key, dflt, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** An optional integer in {@code min..max}, {@code dflt} when absent. */
    public Integer optInt(JsonNode obj, String path, String key, int dflt, int min, int max) {
        JsonNode n = obj.get(key);
        return n == null ? Integer.valueOf(dflt) : asInt(n, child(path, key), min, max);
    }

    public Integer asInt(JsonNode n, String path) {
        return asInt(n, path, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    public Integer asInt(JsonNode n, String path, int min, int max) {
        Long v = asLong(n, path, min, max);
        return v == null ? null : Integer.valueOf(v.intValue());
    }

    public Long reqLong(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asLong(n, child(path, key), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    public Long optLong(JsonNode obj, String path, String key, long dflt) {
        JsonNode n = obj.get(key);
        return n == null ? Long.valueOf(dflt) : asLong(n, child(path, key), Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** An integer in {@code min..max}: a JSON integer, not a fraction, an exponent form or a string. */
    public Long asLong(JsonNode n, String path, long min, long max) {
        if (n == null || !n.isIntegralNumber()) {
            problem(path, "must be an integer" + range(min, max) + ", got " + describe(n) + hint(n));
            return null;
        }
        if (!n.canConvertToLong() || n.longValue() < min || n.longValue() > max) {
            problem(path, "must be an integer" + range(min, max) + ", got " + describe(n));
            return null;
        }
        return n.longValue();
    }

    public Double reqNumber(JsonNode obj, String path, String key, String example) {
        return reqNumber(obj, path, key, example, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A required finite number in [min, max]. */
    public Double reqNumber(JsonNode obj, String path, String key, String example, double min, double max) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asNumber(n, child(path, key), min, max);
    }

    public Double optNumber(JsonNode obj, String path, String key, double dflt) {
        return optNumber(obj, path, key, dflt, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    public Double optNumber(JsonNode obj, String path, String key, double dflt, double min, double max) {
        JsonNode n = obj.get(key);
        return n == null ? Double.valueOf(dflt) : asNumber(n, child(path, key), min, max);
    }

    public Double asNumber(JsonNode n, String path) {
        return asNumber(n, path, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    /** A finite JSON number in [min, max]. */
    public Double asNumber(JsonNode n, String path, double min, double max) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            problem(path, "must be a finite number" + range(min, max) + ", got " + describe(n) + hint(n));
            return null;
        }
        double v = n.doubleValue();
        if (v < min || v > max) {
            problem(path, "must be in " + number(min) + ".." + number(max) + ", got " + n.asText());
            return null;
        }
        return v;
    }

    public String reqString(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asString(n, child(path, key));
    }

    public String asString(JsonNode n, String path) {
        if (n != null && n.isTextual()) return n.textValue();
        problem(path, "must be a string, got " + describe(n));
        return null;
    }

    public Boolean reqBool(JsonNode obj, String path, String key, String example) {
        JsonNode n = required(obj, path, key, example);
        return n == null ? null : asBool(n, child(path, key));
    }

    public Boolean optBool(JsonNode obj, String path, String key, boolean dflt) {
        JsonNode n = obj.get(key);
        return n == null ? Boolean.valueOf(dflt) : asBool(n, child(path, key));
    }

    public Boolean asBool(JsonNode n, String path) {
        if (n != null && n.isBoolean()) return n.booleanValue();
        problem(path, "must be true or false, got " + describe(n));
        return null;
    }

    /** A short description of a node for messages: its type and (short, escaped) value. */
    public static String describe(JsonNode n) {
        if (n == null || n.isMissingNode()) return "nothing";
        if (n.isNull()) return "null";
        if (n.isTextual()) return "the string " + JsonPaths.quote(n.textValue());
        if (n.isBoolean()) return "boolean " + n.booleanValue();
        if (n.isNumber()) {
            String t = n.asText();
            return "number " + (t.length() > 24 ? t.substring(0, 24) + "..." : t);
        }
        if (n.isArray()) return "an array of " + n.size();
        return "an object";
    }

    private static String hint(JsonNode n) {
        if (n != null && n.isTextual()) return " (write the number without quotes)";
        if (n != null && n.isFloatingPointNumber()) return " (write a whole number without a fraction or exponent)";
        return "";
    }

    private static String range(long min, long max) {
        if (min == Long.MIN_VALUE && max == Long.MAX_VALUE) return "";
        if (min == Integer.MIN_VALUE && max == Integer.MAX_VALUE) return " (32-bit)";
        return " in " + min + ".." + max;
    }

    private static String range(double min, double max) {
        if (min == Double.NEGATIVE_INFINITY && max == Double.POSITIVE_INFINITY) return "";
        return " in " + number(min) + ".." + number(max);
    }

    private static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
