package org.infomorph.runtime.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mutations of a valid JSON file, as a careless user or an attacker makes them: type changes,
 * deletions, duplicated keys, huge and negative numbers, non-standard numbers, unknown keys,
 * truncation, byte flips, deep nesting, trailing content, very long strings and control characters.
 * Each mutation is a pure function of the valid text and a random generator.
 */
final class JsonMutator {
    enum Op { DELETE, DUPLICATE_KEY, RETYPE, NUMBER, UNKNOWN_KEY, MANY_KEYS, TRUNCATE, FLIP_BYTES, DEEP_NESTING, TRAILING, LONG_STRING,
        CONTROL_CHARS, NULL, EMPTY, WRONG_ROOT }

    /** Numbers written as text, so that the ones JSON cannot hold (NaN, 1e400) can be written too. */
    static final List<String> NUMBERS = List.of("0", "-1", "-7", "1.5", "0.5", "8.0", "1e3", "2147483647", "2147483648", "-2147483649",
            "9007199254740993", "9223372036854775808", "123456789012345678901234567890", "1e30", "1e308", "1e400", "-1e400", "1e-400",
            "NaN", "Infinity", "-Infinity", "+1", "01", "0x10", ".5", "1.", "-0");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MARK = "\u0001MUTATION\u0001";

    private JsonMutator() {}

    static byte[] mutate(String valid, SplittableRandom r) {
        Op op = Op.values()[r.nextInt(Op.values().length)];
        return mutate(valid, op, r);
    }

    static byte[] mutate(String valid, Op op, SplittableRandom r) {
        JsonNode root;
        try {
            root = JSON.readTree(valid);
        } catch (Exception e) {
            throw new IllegalArgumentException("the seed file must be valid JSON", e);
        }
        List<Slot> slots = new ArrayList<>();
        collect(root, slots);
        Slot s = slots.isEmpty() ? null : slots.get(r.nextInt(slots.size()));
        String text = switch (op) {
            case DELETE -> s == null ? "" : write(s.remove(root));
            case DUPLICATE_KEY -> duplicate(root, r);
            case RETYPE -> s == null ? "[]" : write(s.set(root, retypeValue(s.value(root), r)));
            case NUMBER -> s == null ? "1e400" : write(s.set(root, TextNode.valueOf(MARK))).replace("\"" + MARK + "\"", NUMBERS.get(r.nextInt(NUMBERS.size())));
            case UNKNOWN_KEY -> write(addKeys(root, r, 1));
            case MANY_KEYS -> write(addKeys(root, r, 20_000));
            case TRUNCATE -> truncate(write(root), r);
            case FLIP_BYTES -> null;
            case DEEP_NESTING -> s == null ? "[]" : write(s.set(root, TextNode.valueOf(MARK))).replace("\"" + MARK + "\"", nested(r));
            case TRAILING -> write(root) + List.of(" {}", " x", "\n{\"format\": 1}", ",", " ]", " // comment").get(r.nextInt(6));
            case LONG_STRING -> s == null ? "[]" : write(s.set(root, TextNode.valueOf("a".repeat(r.nextBoolean() ? 1_000 : 70_000))));
            case CONTROL_CHARS -> s == null ? "[]" : write(s.set(root, TextNode.valueOf("x\n\u0000\u001b[31m\u2028y")));
            case NULL -> s == null ? "null" : write(s.set(root, JsonNodeFactory.instance.nullNode()));
            case EMPTY -> List.of("", " ", "\n", "{}", "[]", "null", "\"\"").get(r.nextInt(7));
            case WRONG_ROOT -> List.of("[" + valid + "]", "42", "\"" + "text" + "\"", "true").get(r.nextInt(4));
        };
        if (op == Op.FLIP_BYTES) return flip(write(root).getBytes(StandardCharsets.UTF_8), r);
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A place in the tree: a key of an object or an index of an array. */
    private record Slot(List<Object> path) {
        JsonNode parent(JsonNode root) {
            JsonNode n = root;
            for (int i = 0; i < path.size() - 1; i++) n = step(n, path.get(i));
            return n;
        }

        JsonNode value(JsonNode root) {
            return step(parent(root), path.get(path.size() - 1));
        }

        JsonNode set(JsonNode root, JsonNode v) {
            JsonNode copy = root.deepCopy();
            JsonNode p = parent(copy);
            Object last = path.get(path.size() - 1);
            if (p instanceof ObjectNode o) o.set((String) last, v);
            else ((ArrayNode) p).set((Integer) last, v);
            return copy;
        }

        JsonNode remove(JsonNode root) {
            JsonNode copy = root.deepCopy();
            JsonNode p = parent(copy);
            Object last = path.get(path.size() - 1);
            if (p instanceof ObjectNode o) o.remove((String) last);
            else ((ArrayNode) p).remove((Integer) last);
            return copy;
        }

        private static JsonNode step(JsonNode n, Object k) {
            return k instanceof String s ? n.get(s) : n.get((Integer) k);
        }
    }

    private static void collect(JsonNode n, List<Slot> out) {
        collect(n, new ArrayList<>(), out);
    }

    private static void collect(JsonNode n, List<Object> path, List<Slot> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> p = new ArrayList<>(path);
                p.add(e.getKey());
                out.add(new Slot(p));
                collect(e.getValue(), p, out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                List<Object> p = new ArrayList<>(path);
                p.add(i);
                out.add(new Slot(p));
                collect(n.get(i), p, out);
            }
        }
    }

    /** Another type for the value at a slot: number to string or fraction, string to number, object to array... */
    static JsonNode retypeValue(JsonNode v, SplittableRandom r) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v.isIntegralNumber()) return r.nextBoolean() ? f.textNode(v.asText()) : f.numberNode(v.asDouble() + 0.5);
        if (v.isNumber()) return r.nextBoolean() ? f.textNode(v.asText()) : f.booleanNode(true);
        if (v.isTextual()) return r.nextBoolean() ? f.numberNode(7) : f.arrayNode().add(v.textValue());
        if (v.isBoolean()) return f.textNode(v.asText());
        if (v.isObject()) return f.arrayNode().add(v);
        if (v.isArray()) return r.nextBoolean() ? f.objectNode().set("0", v) : (v.size() > 0 ? v.get(0) : f.numberNode(0));
        return f.numberNode(1);
    }

    private static JsonNode addKeys(JsonNode root, SplittableRandom r, int count) {
        JsonNode copy = root.deepCopy();
        List<ObjectNode> objects = new ArrayList<>();
        objects(copy, objects);
        if (objects.isEmpty()) return copy;
        ObjectNode o = objects.get(r.nextInt(objects.size()));
        for (int i = 0; i < count; i++) o.put("unknownKey" + i, i);
        return copy;
    }

    private static void objects(JsonNode n, List<ObjectNode> out) {
        if (n instanceof ObjectNode o) out.add(o);
        for (JsonNode c : n) objects(c, out);
    }

    /** The text with one key of one object written twice (the second time with another value). */
    private static String duplicate(JsonNode root, SplittableRandom r) {
        List<ObjectNode> objects = new ArrayList<>();
        objects(root, objects);
        objects.removeIf(o -> o.size() == 0);
        if (objects.isEmpty()) return write(root) + write(root);
        ObjectNode o = objects.get(r.nextInt(objects.size()));
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        String key = keys.get(r.nextInt(keys.size()));
        JsonNode original = o.get(key);
        o.set(key, TextNode.valueOf(MARK));
        String again = JsonNodeFactory.instance.textNode(key).toString() + ": " + write(r.nextBoolean() ? original : retypeValue(original, r));
        return write(root).replace("\"" + MARK + "\"", write(original) + ", " + again);
    }

    private static String nested(SplittableRandom r) {
        int depth = List.of(65, 300, 5_000, 100_000).get(r.nextInt(4));
        boolean objects = r.nextBoolean();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < depth; i++) sb.append(objects ? "{\"a\":" : "[");
        sb.append("1");
        for (int i = 0; i < depth; i++) sb.append(objects ? "}" : "]");
        return sb.toString();
    }

    private static String truncate(String text, SplittableRandom r) {
        return text.substring(0, r.nextInt(Math.max(1, text.length())));
    }

    private static byte[] flip(byte[] b, SplittableRandom r) {
        byte[] out = b.clone();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n && out.length > 0; i++) out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
        return out;
    }

    static String write(JsonNode n) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(n);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
