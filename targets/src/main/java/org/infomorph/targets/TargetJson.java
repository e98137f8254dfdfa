package org.infomorph.targets;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.infomorph.json.JsonPaths;
import org.infomorph.json.StrictJson;

/**
 * Reads and writes target descriptors ({@value TargetDescriptor#FORMAT}) with Jackson's tree model,
 * validated by hand so that every problem becomes one {@link TargetException} line
 * {@code FILE: json.path: problem; fix}. The format is described key by key in {@code docs/targets.md}.
 *
 * <p>Rules: unknown keys are rejected; optional values may be JSON {@code null} or absent; counts,
 * widths, clocks and rates are {@code > 0}; memory depths are powers of two; ports are 1 or 2;
 * names use a closed character set; and either every resource count is given (a board) or none is
 * (a simulator, unlimited). {@code read(write(d))} equals {@code d} for every valid {@code d}.
 */
public final class TargetJson {
    private static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** The largest values a descriptor may give, so that no resource arithmetic can overflow (docs/targets.md). */
    static final int MAX_LOGIC = 100_000_000, MAX_DSPS = 1_000_000, MAX_OPERAND_BITS = 64, MAX_INPUTS_PER_LUT = 8,
            MAX_MEMORY_BLOCKS = 1 << 20, MAX_MEMORY_WIDTH = 1024, MAX_MEMORY_DEPTH = 1 << 30, MAX_UNITS = 255;
    static final double MAX_MHZ = 10_000;
    static final long MAX_BITS_PER_SECOND = 1_000_000_000_000L;

    /** Names of targets, memories and device families: lower case, e.g. {@code ice40up5k-icebreaker}. */
    static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");
    static final String NAME_RULE = "use 1-64 of a-z 0-9 . _ - starting with a letter or digit";
    /** Primitive and link kinds, e.g. {@code SB_MAC16}, {@code uart}. */
    static final Pattern KIND = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    static final String KIND_RULE = "use 1-64 of A-Z a-z 0-9 _ starting with a letter";
    /** Part numbers, packages and constraint file names, e.g. {@code LFE5U-85F}, {@code icebreaker.pcf}. */
    static final Pattern PART = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    static final String PART_RULE = "use 1-128 of A-Z a-z 0-9 . _ - starting with a letter or digit (no paths)";

    private static final List<String> TOP_KEYS = List.of("format", "name", "description", "device", "logic",
            "dsp", "memories", "clock", "hostLink", "flow", "constraints", "units");
    private static final List<String> DEVICE_KEYS = List.of("family", "part", "package");
    private static final List<String> LOGIC_KEYS = List.of("kind", "inputsPerLut", "count");
    private static final List<String> DSP_KEYS = List.of("kind", "count", "widthA", "widthB");
    private static final List<String> MEMORY_KEYS = List.of("name", "kind", "count", "width", "depth", "ports");
    private static final List<String> CLOCK_KEYS = List.of("boardMHz", "targetMHz");
    private static final List<String> HOST_LINK_KEYS = List.of("kind", "bitsPerSecond");
    private static final List<String> FLOW_KEYS = List.of("synthesis", "placeAndRoute", "bitstream");

    private TargetJson() {}

    /** Reads and validates a descriptor file; the file name is used in messages as given. */
    public static TargetDescriptor read(Path file) {
        return new Reader(file.toString()).descriptor(StrictJson.read(file, "target descriptor", TargetException.ERRORS));
    }

    /**
     * Reads and validates a descriptor from JSON text.
     *
     * @param file the name used at the start of every message (a path, or e.g. {@code built-in verilator})
     */
    public static TargetDescriptor read(String json, String file) {
        return new Reader(file).descriptor(StrictJson.parse(json, file, TargetException.ERRORS));
    }

    /** The descriptor as pretty-printed JSON ending in a newline; optional values that are empty are written as null. */
    public static String write(TargetDescriptor d) {
        try {
            return MAPPER.writeValueAsString(toTree(d)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a tree of plain nodes", e);
        }
    }

    /** The descriptor as a JSON tree, keys in the documented order. */
    public static ObjectNode toTree(TargetDescriptor d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", TargetDescriptor.FORMAT);
        o.put("name", d.name());
        o.put("description", d.description());
        ObjectNode device = o.putObject("device");
        device.put("family", d.device().family());
        device.put("part", d.device().part());
        device.put("package", d.device().packageName());
        ObjectNode logic = o.putObject("logic");
        logic.put("kind", d.logic().kind());
        logic.put("inputsPerLut", d.logic().inputsPerLut());
        logic.put("count", d.logic().count().orElse(null));
        ObjectNode dsp = o.putObject("dsp");
        dsp.put("kind", d.dsp().kind());
        dsp.put("count", d.dsp().count().orElse(null));
        dsp.put("widthA", d.dsp().widthA());
        dsp.put("widthB", d.dsp().widthB());
        ArrayNode memories = o.putArray("memories");
        for (TargetDescriptor.Memory m : d.memories()) {
            ObjectNode mo = memories.addObject();
            mo.put("name", m.name());
            mo.put("kind", m.kind());
            mo.put("count", m.count().orElse(null));
            mo.put("width", m.width());
            mo.put("depth", m.depth());
            mo.put("ports", m.ports());
        }
        ObjectNode clock = o.putObject("clock");
        clock.put("boardMHz", d.clock().boardMHz());
        clock.put("targetMHz", d.clock().targetMHz());
        ObjectNode link = o.putObject("hostLink");
        link.put("kind", d.hostLink().kind());
        link.put("bitsPerSecond", d.hostLink().bitsPerSecond().orElse(null));
        ObjectNode flow = o.putObject("flow");
        flow.put("synthesis", d.flow().synthesis());
        flow.put("placeAndRoute", d.flow().placeAndRoute().orElse(null));
        flow.put("bitstream", d.flow().bitstream().orElse(null));
        o.put("constraints", d.constraints().orElse(null));
        o.put("units", d.units().orElse(null));
        return o;
    }

    /** One read of one file: knows the file name for messages. */
    private static final class Reader {
        private final String file;

        Reader(String file) {
            this.file = file;
        }

        TargetException fail(String path, String problem, String fix) {
            return TargetException.at(file, path, problem, fix);
        }

        TargetDescriptor descriptor(JsonNode root) {
            object(root, "", "a descriptor object (see docs/targets.md)");
            keys(root, "", TOP_KEYS);
            String format = text(root, "", "format", "\"" + TargetDescriptor.FORMAT + "\"");
            if (!format.equals(TargetDescriptor.FORMAT)) {
                throw fail("format", "must be \"" + TargetDescriptor.FORMAT + "\", got " + quote(format),
                        "this reader understands only " + TargetDescriptor.FORMAT);
            }
            String name = matching(root, "", "name", "\"my-board\"", NAME, NAME_RULE);
            String description = line(root, "", "description", "\"iCEBreaker; numbers from the iCE40 UltraPlus data sheet\"");

            JsonNode d = member(root, "", "device", "{\"family\": \"ice40\", \"part\": \"iCE40UP5K\", \"package\": \"sg48\"}");
            keys(d, "device", DEVICE_KEYS);
            var device = new TargetDescriptor.Device(
                    matching(d, "device", "family", "\"ice40\"", NAME, NAME_RULE),
                    matching(d, "device", "part", "\"iCE40UP5K\"", PART, PART_RULE),
                    matching(d, "device", "package", "\"sg48\"", PART, PART_RULE));

            JsonNode l = member(root, "", "logic", "{\"kind\": \"LUT4\", \"inputsPerLut\": 4, \"count\": 5280}");
            keys(l, "logic", LOGIC_KEYS);
            var logic = new TargetDescriptor.Logic(
                    matching(l, "logic", "kind", "\"LUT4\"", KIND, KIND_RULE),
                    positiveInt(l, "logic", "inputsPerLut", "4", MAX_INPUTS_PER_LUT),
                    optionalPositiveInt(l, "logic", "count", "5280", MAX_LOGIC));

            JsonNode p = member(root, "", "dsp", "{\"kind\": \"SB_MAC16\", \"count\": 8, \"widthA\": 16, \"widthB\": 16}");
            keys(p, "dsp", DSP_KEYS);
            var dsp = new TargetDescriptor.Dsp(
                    matching(p, "dsp", "kind", "\"SB_MAC16\"", KIND, KIND_RULE),
                    optionalPositiveInt(p, "dsp", "count", "8", MAX_DSPS),
                    positiveInt(p, "dsp", "widthA", "16", MAX_OPERAND_BITS),
                    positiveInt(p, "dsp", "widthB", "16", MAX_OPERAND_BITS));

            List<TargetDescriptor.Memory> memories = memories(root);

            JsonNode c = member(root, "", "clock", "{\"boardMHz\": 12, \"targetMHz\": 24}");
            keys(c, "clock", CLOCK_KEYS);
            var clock = new TargetDescriptor.Clock(
                    positiveDouble(c, "clock", "boardMHz", "12", MAX_MHZ),
                    positiveDouble(c, "clock", "targetMHz", "24", MAX_MHZ));

            JsonNode h = member(root, "", "hostLink", "{\"kind\": \"uart\", \"bitsPerSecond\": 2400000}");
            keys(h, "hostLink", HOST_LINK_KEYS);
            var hostLink = new TargetDescriptor.HostLink(
                    matching(h, "hostLink", "kind", "\"uart\"", KIND, KIND_RULE),
                    optionalPositiveLong(h, "hostLink", "bitsPerSecond", "2400000", MAX_BITS_PER_SECOND));

            JsonNode f = member(root, "", "flow", "{\"synthesis\": \"yosys -p 'synth_ice40'\", \"placeAndRoute\": null, \"bitstream\": null}");
            keys(f, "flow", FLOW_KEYS);
            var flow = new TargetDescriptor.Flow(
                    line(f, "flow", "synthesis", "\"yosys -p 'synth_ice40 -device u -dsp -spram'\""),
                    optionalLine(f, "flow", "placeAndRoute", "\"nextpnr-ice40 --up5k --package sg48\""),
                    optionalLine(f, "flow", "bitstream", "\"icepack\""));

            Optional<String> constraints = optionalMatching(root, "", "constraints", "\"icebreaker.pcf\"", PART, PART_RULE);
            Optional<Integer> units = optionalPositiveInt(root, "", "units", "16", MAX_UNITS);

            allOrNoCounts(logic, dsp, memories);
            return new TargetDescriptor(name, description, device, logic, dsp, memories, clock, hostLink, flow,
                    constraints, units);
        }

        private List<TargetDescriptor.Memory> memories(JsonNode root) {
            String example = "[{\"name\": \"ebr\", \"kind\": \"SB_RAM40_4K\", \"count\": 30, \"width\": 16, \"depth\": 256, \"ports\": 2}]";
            JsonNode array = root.get("memories");
            if (array == null) throw fail("memories", "missing", "add e.g. \"memories\": " + example);
            if (!array.isArray()) {
                throw fail("memories", "must be an array of memory objects, got " + describe(array), "write e.g. " + example);
            }
            if (array.isEmpty()) throw fail("memories", "must list at least one memory kind", "add e.g. " + example);
            List<TargetDescriptor.Memory> out = new ArrayList<>();
            Set<String> names = new HashSet<>();
            for (int i = 0; i < array.size(); i++) {
                String at = "memories[" + i + "]";
                JsonNode m = array.get(i);
                object(m, at, "{\"name\": \"ebr\", \"kind\": \"SB_RAM40_4K\", ...}");
                keys(m, at, MEMORY_KEYS);
                String name = matching(m, at, "name", "\"ebr\"", NAME, NAME_RULE);
                if (!names.add(name)) {
                    throw fail(at + ".name", "duplicate memory name " + quote(name), "give each memory kind its own name");
                }
                String kind = matching(m, at, "kind", "\"SB_RAM40_4K\"", KIND, KIND_RULE);
                Optional<Integer> count = optionalPositiveInt(m, at, "count", "30", MAX_MEMORY_BLOCKS);
                int width = positiveInt(m, at, "width", "16", MAX_MEMORY_WIDTH);
                int depth = positiveInt(m, at, "depth", "256", MAX_MEMORY_DEPTH);
                if (Integer.bitCount(depth) != 1) {
                    int below = Integer.highestOneBit(depth);
                    String fix = below >= (1 << 30) ? "use " + below : "use " + below + " or " + (below * 2);
                    throw fail(at + ".depth", "must be a power of two, got " + depth, fix + " (words per block)");
                }
                int ports = positiveInt(m, at, "ports", "2", MAX_MEMORY_BLOCKS);
                if (ports != 1 && ports != 2) {
                    throw fail(at + ".ports", "must be 1 or 2, got " + ports,
                            "use 1 (single-port, e.g. SPRAM) or 2 (dual-port, e.g. EBR)");
                }
                out.add(new TargetDescriptor.Memory(name, kind, count, width, depth, ports));
            }
            return out;
        }

        /** Either every resource count is given (a board) or none is (a simulator). */
        private void allOrNoCounts(TargetDescriptor.Logic logic, TargetDescriptor.Dsp dsp,
                                   List<TargetDescriptor.Memory> memories) {
            boolean board = logic.count().isPresent();
            String reference = board ? "logic.count is given (a board)" : "logic.count is null (a simulator)";
            String fix = "give every resource count (logic, dsp, each memory) for a board, or none for a simulator";
            if (dsp.count().isPresent() != board) {
                throw fail("dsp.count", (board ? "missing or null" : "given") + ", but " + reference, fix);
            }
            for (int i = 0; i < memories.size(); i++) {
                if (memories.get(i).count().isPresent() != board) {
                    throw fail("memories[" + i + "].count", (board ? "missing or null" : "given") + ", but " + reference, fix);
                }
            }
        }

        // ---- field readers: each names the JSON path and gives an example in its fix ----

        private static String path(String parent, String key) {
            return JsonPaths.child(parent, key);
        }

        private void object(JsonNode node, String path, String example) {
            if (!node.isObject()) {
                throw fail(path, (path.isEmpty() ? "the descriptor " : "") + "must be a JSON object, got " + describe(node),
                        "write " + example);
            }
        }

        private void keys(JsonNode node, String path, List<String> allowed) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                if (!allowed.contains(key)) {
                    throw fail(path(path, key), "unknown key", "allowed keys " + (path.isEmpty() ? "at the top level" : "in " + path)
                            + ": " + String.join(", ", allowed));
                }
            }
        }

        /** A required object member. */
        private JsonNode member(JsonNode parent, String at, String key, String example) {
            JsonNode n = required(parent, at, key, example);
            object(n, path(at, key), example);
            return n;
        }

        private JsonNode required(JsonNode parent, String at, String key, String example) {
            JsonNode n = parent.get(key);
            if (n == null) throw fail(path(at, key), "missing", "add e.g. \"" + key + "\": " + example);
            if (n.isNull()) throw fail(path(at, key), "must not be null", "give a value, e.g. \"" + key + "\": " + example);
            return n;
        }

        /** Null when absent or JSON null. */
        private static JsonNode optional(JsonNode parent, String key) {
            JsonNode n = parent.get(key);
            return n == null || n.isNull() ? null : n;
        }

        private String text(JsonNode parent, String at, String key, String example) {
            return textValue(required(parent, at, key, example), path(at, key), key, example);
        }

        private String textValue(JsonNode n, String path, String key, String example) {
            if (!n.isTextual()) {
                throw fail(path, "must be a string, got " + describe(n), "write e.g. \"" + key + "\": " + example);
            }
            return n.textValue();
        }

        private String matching(JsonNode parent, String at, String key, String example, Pattern rule, String ruleText) {
            return matchingValue(required(parent, at, key, example), path(at, key), key, example, rule, ruleText);
        }

        private Optional<String> optionalMatching(JsonNode parent, String at, String key, String example,
                                                  Pattern rule, String ruleText) {
            JsonNode n = optional(parent, key);
            return n == null ? Optional.empty()
                    : Optional.of(matchingValue(n, path(at, key), key, example, rule, ruleText));
        }

        private String matchingValue(JsonNode n, String path, String key, String example, Pattern rule, String ruleText) {
            String s = textValue(n, path, key, example);
            if (!rule.matcher(s).matches()) {
                throw fail(path, "invalid name " + quote(s), ruleText + ", e.g. " + example);
            }
            return s;
        }

        /** Free text on one line, not empty: descriptions and tool commands. */
        private String line(JsonNode parent, String at, String key, String example) {
            return lineValue(required(parent, at, key, example), path(at, key), key, example);
        }

        private Optional<String> optionalLine(JsonNode parent, String at, String key, String example) {
            JsonNode n = optional(parent, key);
            return n == null ? Optional.empty() : Optional.of(lineValue(n, path(at, key), key, example));
        }

        private String lineValue(JsonNode n, String path, String key, String example) {
            String s = textValue(n, path, key, example);
            if (s.isBlank()) throw fail(path, "must not be empty", "write e.g. \"" + key + "\": " + example + " (or null where optional)");
            if (s.chars().anyMatch(Character::isISOControl)) {
                throw fail(path, "must be one line without control characters", "remove the line breaks and tabs");
            }
            return s;
        }

        private int positiveInt(JsonNode parent, String at, String key, String example, long max) {
            return positiveIntValue(required(parent, at, key, example), path(at, key), key, example, max);
        }

        private Optional<Integer> optionalPositiveInt(JsonNode parent, String at, String key, String example, long max) {
            JsonNode n = optional(parent, key);
            return n == null ? Optional.empty() : Optional.of(positiveIntValue(n, path(at, key), key, example, max));
        }

        private int positiveIntValue(JsonNode n, String path, String key, String example, long max) {
            return (int) positiveLongValue(n, path, key, example, max);
        }

        private Optional<Long> optionalPositiveLong(JsonNode parent, String at, String key, String example, long max) {
            JsonNode n = optional(parent, key);
            return n == null ? Optional.empty() : Optional.of(positiveLongValue(n, path(at, key), key, example, max));
        }

        /** An integer in 1..max: a JSON integer, not a fraction, an exponent or a string. */
        private long positiveLongValue(JsonNode n, String path, String key, String example, long max) {
            if (!n.isIntegralNumber()) {
                throw fail(path, "must be an integer, got " + describe(n),
                        "write a whole number in 1.." + max + " without quotes, fraction or exponent, e.g. \"" + key + "\": " + example);
            }
            if (!n.canConvertToLong() || n.longValue() < 1 || n.longValue() > max) {
                throw fail(path, "must be in 1.." + max + ", got " + describe(n), "write e.g. \"" + key + "\": " + example);
            }
            return n.longValue();
        }

        private double positiveDouble(JsonNode parent, String at, String key, String example, double max) {
            JsonNode n = required(parent, at, key, example);
            if (!n.isNumber()) {
                throw fail(path(at, key), "must be a number, got " + describe(n), "write e.g. \"" + key + "\": " + example);
            }
            double v = n.doubleValue();
            if (!(v > 0) || v > max) {
                throw fail(path(at, key), "must be > 0 and <= " + (long) max + ", got " + n.asText(), "write e.g. \"" + key + "\": " + example);
            }
            return v;
        }

        private static String describe(JsonNode n) {
            if (n.isTextual()) return "the string " + quote(n.textValue());
            if (n.isNumber()) return n.asText().length() > 24 ? n.asText().substring(0, 24) + "..." : n.asText();
            if (n.isBoolean()) return n.asText();
            if (n.isNull()) return "null";
            if (n.isArray()) return "an array";
            if (n.isObject()) return "an object";
            return n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT);
        }

        private static String quote(String s) {
            String shown = s.length() > 60 ? s.substring(0, 60) + "..." : s;
            return "\"" + shown.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r") + "\"";
        }
    }
}
