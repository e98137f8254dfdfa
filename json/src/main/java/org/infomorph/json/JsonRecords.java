package org.infomorph.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a Java record from a JSON object, generically over its components: one key per component
 * (same name), no other keys, every key required. Components may be {@code int}, {@code long},
 * {@code double}, {@code boolean}, {@code String}, an enum (its constant name) or a nested record.
 * Integers are checked against the range a {@link Ranges} gives for the component, before the
 * record's constructor runs; a constructor that still rejects the values becomes a problem at the
 * record's path. A record type that gains a component is read without any change here.
 */
public final class JsonRecords {
    /** An inclusive integer range. */
    public record Range(long min, long max) {}

    /** The range of an integer component: {@code path} is relative to the record read first (e.g. {@code numerics.theta.bits}). */
    @FunctionalInterface
    public interface Ranges {
        /** Null for the full range of the component's type. */
        Range of(String path, Class<?> owner, String component);
    }

    private JsonRecords() {}

    /**
     * @param alsoAllowed keys the object may hold beside the components (e.g. {@code format}); not read here
     * @param missingHint the fix for a missing key, e.g. "'infomorph arch' prints a complete configuration"
     * @return the record, or null when a problem was recorded in {@code f}
     */
    public static <R extends Record> R read(JsonFields f, JsonNode n, String path, Class<R> type, Ranges ranges, Set<String> alsoAllowed,
            String missingHint) {
        return read(f, n, path, "", type, ranges, alsoAllowed, missingHint);
    }

    private static <R extends Record> R read(JsonFields f, JsonNode n, String path, String rel, Class<R> type, Ranges ranges,
            Set<String> alsoAllowed, String missingHint) {
        RecordComponent[] comps = type.getRecordComponents();
        Set<String> allowed = new LinkedHashSet<>();
        for (RecordComponent c : comps) allowed.add(c.getName());
        allowed.addAll(alsoAllowed);
        JsonNode o = f.object(n, path, allowed, "with keys " + String.join(", ", allowed));
        if (o == null) return null;
        Object[] values = new Object[comps.length];
        boolean ok = true;
        for (int i = 0; i < comps.length; i++) {
            RecordComponent c = comps[i];
            String p = JsonFields.child(path, c.getName()), r = rel.isEmpty() ? c.getName() : rel + "." + c.getName();
            JsonNode v = o.get(c.getName());
            if (v == null || v.isNull()) {
                f.problem(p, (v == null ? "missing" : "must not be null") + "; " + missingHint);
                ok = false;
                continue;
            }
            values[i] = value(f, v, p, r, type, c, ranges, missingHint);
            ok &= values[i] != null;
        }
        if (!ok) return null;
        try {
            Constructor<R> k = type.getDeclaredConstructor(Arrays.stream(comps).map(RecordComponent::getType).toArray(Class<?>[]::new));
            return k.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException iae) {
                f.problem(path, iae.getMessage() + "; fix the values");
                return null;
            }
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct " + type.getSimpleName(), e);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object value(JsonFields f, JsonNode v, String path, String rel, Class<?> owner, RecordComponent c, Ranges ranges, String hint) {
        Class<?> t = c.getType();
        if (t == int.class) {
            Range r = ranges.of(rel, owner, c.getName());
            return f.asInt(v, path, r == null ? Integer.MIN_VALUE : (int) r.min(), r == null ? Integer.MAX_VALUE : (int) r.max());
        }
        if (t == long.class) {
            Range r = ranges.of(rel, owner, c.getName());
            return f.asLong(v, path, r == null ? Long.MIN_VALUE : r.min(), r == null ? Long.MAX_VALUE : r.max());
        }
        if (t == double.class) return f.asNumber(v, path);
        if (t == boolean.class) return f.asBool(v, path);
        if (t == String.class) return f.asString(v, path);
        if (t.isEnum()) {
            List<String> names = new ArrayList<>();
            for (Object e : t.getEnumConstants()) names.add(((Enum<?>) e).name());
            if (v.isTextual() && names.contains(v.textValue())) return Enum.valueOf((Class) t, v.textValue());
            f.problem(path, "must be one of " + String.join(", ", names) + ", got " + JsonFields.describe(v));
            return null;
        }
        if (t.isRecord()) return read(f, v, path, rel, (Class<? extends Record>) t, ranges, Set.of(), hint);
        throw new IllegalStateException(owner.getSimpleName() + "." + c.getName() + ": JsonRecords cannot read a " + t.getSimpleName());
    }
}
