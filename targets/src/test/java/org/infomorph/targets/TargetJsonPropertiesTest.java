package org.infomorph.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Random edits of the built-in descriptors are either accepted (and then round-trip) or rejected
 * with a one-line {@link TargetException}; no other exception type ever escapes the reader.
 */
class TargetJsonPropertiesTest {
    enum Edit { DROP_KEY, NEGATE_NUMBER, UNKNOWN_KEY, REPLACE_VALUE, TRUNCATE_TEXT }

    @Provide
    Arbitrary<String> builtIns() {
        return Arbitraries.of(Targets.builtInNames());
    }

    @Property(tries = 1000)
    void editedDescriptorsAreAcceptedOrRejectedWithTargetException(
            @ForAll("builtIns") String target, @ForAll Edit edit,
            @ForAll @IntRange(min = 0, max = 100_000) int pick, @ForAll long number) {
        ObjectNode tree = TargetJson.toTree(Targets.builtIn(target));
        String json = switch (edit) {
            case DROP_KEY -> { dropKey(tree, pick); yield tree.toString(); }
            case NEGATE_NUMBER -> { negateNumber(tree, pick, number); yield tree.toString(); }
            case UNKNOWN_KEY -> { unknownKey(tree, pick); yield tree.toString(); }
            case REPLACE_VALUE -> { replaceValue(tree, pick, number); yield tree.toString(); }
            case TRUNCATE_TEXT -> { String s = TargetJson.write(Targets.builtIn(target)); yield s.substring(0, pick % s.length()); }
        };
        acceptedOrTargetException(json);
    }

    /** A valid descriptor is rejected by nothing and written back unchanged. */
    @Property(tries = 300)
    void randomValidDescriptorsRoundTrip(@ForAll("validDescriptors") TargetDescriptor d) {
        assertEquals(d, TargetJson.read(TargetJson.write(d), "random"));
    }

    @Provide
    Arbitrary<TargetDescriptor> validDescriptors() {
        Arbitrary<String> names = Arbitraries.strings().withChars("abcz09-_.").ofMinLength(0).ofMaxLength(10).map(s -> "t" + s);
        Arbitrary<Integer> logic = Arbitraries.integers().between(1, TargetJson.MAX_LOGIC);
        Arbitrary<Integer> dsps = Arbitraries.integers().between(1, TargetJson.MAX_DSPS);
        Arbitrary<Integer> blocks = Arbitraries.integers().between(1, TargetJson.MAX_MEMORY_BLOCKS);
        Arbitrary<Integer> width = Arbitraries.integers().between(1, TargetJson.MAX_MEMORY_WIDTH);
        Arbitrary<Integer> depth = Arbitraries.integers().between(0, 30).map(k -> 1 << k);
        Arbitrary<Boolean> board = Arbitraries.of(true, false);
        Arbitrary<Double> mhz = Arbitraries.doubles().between(0.001, 1000).ofScale(6);
        return board.flatMap(isBoard -> {
            Arbitrary<Optional<Integer>> memoryCount = isBoard ? blocks.map(Optional::of) : Arbitraries.just(Optional.empty());
            Arbitrary<Optional<Integer>> logicCount = isBoard ? logic.map(Optional::of) : Arbitraries.just(Optional.empty());
            Arbitrary<Optional<Integer>> dspCount = isBoard ? dsps.map(Optional::of) : Arbitraries.just(Optional.empty());
            Arbitrary<TargetDescriptor.Memory> memory = Combinators.combine(names, memoryCount, width, depth,
                    Arbitraries.integers().between(1, 2))
                    .as((n, c, w, dp, p) -> new TargetDescriptor.Memory(n, "K_" + n.replaceAll("[^a-z0-9]", "x"), c, w, dp, p));
            Arbitrary<List<TargetDescriptor.Memory>> memories = memory.list().ofMinSize(1).ofMaxSize(4)
                    .uniqueElements(TargetDescriptor.Memory::name);
            return Combinators.combine(names, logicCount, dspCount, memories, mhz, mhz,
                            Arbitraries.longs().between(1, TargetJson.MAX_BITS_PER_SECOND).optional(),
                            Arbitraries.integers().between(1, TargetJson.MAX_UNITS).optional())
                    .as((name, logicN, dspN, mems, board0, target0, bps, units) -> new TargetDescriptor(
                            name, "random " + name, new TargetDescriptor.Device("fam", "PART-1", "pkg"),
                            new TargetDescriptor.Logic("LUT4", 4, logicN),
                            new TargetDescriptor.Dsp("MUL", dspN, 18, 18), mems,
                            new TargetDescriptor.Clock(board0, target0),
                            new TargetDescriptor.HostLink("uart", bps),
                            new TargetDescriptor.Flow("yosys", Optional.of("nextpnr"), Optional.empty()),
                            Optional.of(name + ".pcf"), units));
        });
    }

    private static void acceptedOrTargetException(String json) {
        TargetDescriptor d;
        try {
            d = TargetJson.read(json, "mutated.json");
        } catch (TargetException e) {
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        assertEquals(d, TargetJson.read(TargetJson.write(d), "again"));
    }

    // ---- edits on the tree ----

    /** Every (parent, key-or-index) in the tree, parents before children. */
    private record Slot(JsonNode parent, String key, int index) {
        JsonNode value() {
            return key != null ? parent.get(key) : parent.get(index);
        }
    }

    private static List<Slot> slots(JsonNode node) {
        List<Slot> out = new ArrayList<>();
        collect(node, out);
        return out;
    }

    private static void collect(JsonNode node, List<Slot> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                var e = it.next();
                out.add(new Slot(node, e.getKey(), -1));
                collect(e.getValue(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.add(new Slot(node, null, i));
                collect(node.get(i), out);
            }
        }
    }

    private static void dropKey(ObjectNode tree, int pick) {
        List<Slot> all = slots(tree);
        Slot s = all.get(pick % all.size());
        if (s.key() != null) ((ObjectNode) s.parent()).remove(s.key());
        else ((ArrayNode) s.parent()).remove(s.index());
    }

    private static void negateNumber(ObjectNode tree, int pick, long number) {
        List<Slot> numbers = slots(tree).stream().filter(s -> s.value().isNumber()).toList();
        Slot s = numbers.get(pick % numbers.size());
        long negative = number == 0 ? -1 : -Math.abs(number == Long.MIN_VALUE ? 1 : number);
        JsonNode v = pick % 3 == 0 ? JsonNodeFactory.instance.numberNode(0)
                : pick % 3 == 1 ? JsonNodeFactory.instance.numberNode(-s.value().asDouble())
                : JsonNodeFactory.instance.numberNode(negative);
        set(s, v);
    }

    private static void unknownKey(ObjectNode tree, int pick) {
        List<JsonNode> objects = new ArrayList<>();
        objects.add(tree);
        slots(tree).stream().map(Slot::value).filter(JsonNode::isObject).forEach(objects::add);
        ((ObjectNode) objects.get(pick % objects.size())).put("x" + pick, pick);
    }

    private static void replaceValue(ObjectNode tree, int pick, long number) {
        List<Slot> all = slots(tree);
        Slot s = all.get(pick % all.size());
        JsonNodeFactory f = JsonNodeFactory.instance;
        JsonNode v = switch (pick % 7) {
            case 0 -> f.nullNode();
            case 1 -> f.textNode("x" + number);
            case 2 -> f.booleanNode(true);
            case 3 -> f.arrayNode().add(number);
            case 4 -> f.objectNode();
            case 5 -> f.numberNode(number);
            default -> f.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
        };
        set(s, v);
    }

    private static void set(Slot s, JsonNode v) {
        if (s.key() != null) ((ObjectNode) s.parent()).set(s.key(), v);
        else ((ArrayNode) s.parent()).set(s.index(), v);
    }
}
