package org.infomorph.targets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** One test per rule: each problem gives its own one-line message {@code FILE: path: problem; fix}. */
class TargetJsonValidationTest {
    private static final String BOARD = "ice40up5k-icebreaker";
    private static final String SIM = "verilator";

    /** The message for the built-in {@code target} after {@code edit}, read as {@code t.json}. */
    private static String reject(String target, Consumer<ObjectNode> edit) {
        ObjectNode tree = TargetJson.toTree(Targets.builtIn(target));
        edit.accept(tree);
        return reject(tree.toString());
    }

    private static String reject(String json) {
        var e = assertThrows(TargetException.class, () -> TargetJson.read(json, "t.json"));
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.json: "), e.getMessage());
        return e.getMessage();
    }

    private static ObjectNode mem(ObjectNode tree, int i) {
        return (ObjectNode) tree.get("memories").get(i);
    }

    private static ObjectNode obj(ObjectNode tree, String key) {
        return (ObjectNode) tree.get(key);
    }

    @Test
    void depthMustBeAPowerOfTwo() {
        assertEquals("t.json: memories[0].depth: must be a power of two, got 1000; use 512 or 1024 (words per block)",
                reject(BOARD, t -> mem(t, 0).put("depth", 1000)));
    }

    @Test
    void portsMustBeOneOrTwo() {
        assertEquals("t.json: memories[1].ports: must be 1 or 2, got 3; "
                        + "use 1 (single-port, e.g. SPRAM) or 2 (dual-port, e.g. EBR)",
                reject(BOARD, t -> mem(t, 1).put("ports", 3)));
    }

    @Test
    void countsMustBePositive() {
        assertEquals("t.json: dsp.count: must be in 1..1000000, got -8; write e.g. \"count\": 8",
                reject(BOARD, t -> obj(t, "dsp").put("count", -8)));
        assertEquals("t.json: logic.count: must be in 1..100000000, got 0; write e.g. \"count\": 5280",
                reject(BOARD, t -> obj(t, "logic").put("count", 0)));
        assertEquals("t.json: memories[0].count: must be in 1..1048576, got -4; write e.g. \"count\": 30",
                reject(BOARD, t -> mem(t, 0).put("count", -4)));
        assertEquals("t.json: units: must be in 1..255, got 0; write e.g. \"units\": 16",
                reject(SIM, t -> t.put("units", 0)));
    }

    @Test
    void widthsMustBePositive() {
        assertEquals("t.json: memories[0].width: must be in 1..1024, got 0; write e.g. \"width\": 16",
                reject(BOARD, t -> mem(t, 0).put("width", 0)));
        assertEquals("t.json: dsp.widthB: must be in 1..64, got -18; write e.g. \"widthB\": 16",
                reject(BOARD, t -> obj(t, "dsp").put("widthB", -18)));
        assertEquals("t.json: logic.inputsPerLut: must be in 1..8, got 0; write e.g. \"inputsPerLut\": 4",
                reject(BOARD, t -> obj(t, "logic").put("inputsPerLut", 0)));
    }

    @Test
    void clocksAndRatesMustBePositive() {
        assertEquals("t.json: clock.targetMHz: must be > 0 and <= 10000, got -24.0; write e.g. \"targetMHz\": 24",
                reject(BOARD, t -> obj(t, "clock").put("targetMHz", -24.0)));
        assertEquals("t.json: clock.boardMHz: must be > 0 and <= 10000, got 0; write e.g. \"boardMHz\": 12",
                reject(BOARD, t -> obj(t, "clock").put("boardMHz", 0)));
        assertEquals("t.json: hostLink.bitsPerSecond: must be in 1..1000000000000, got -1; write e.g. \"bitsPerSecond\": 2400000",
                reject(BOARD, t -> obj(t, "hostLink").put("bitsPerSecond", -1)));
    }

    @Test
    void numbersMustHaveTheRightType() {
        assertEquals("t.json: memories[0].depth: must be an integer, got 256.5; "
                        + "write a whole number in 1..1073741824 without quotes, fraction or exponent, e.g. \"depth\": 256",
                reject(BOARD, t -> mem(t, 0).put("depth", 256.5)));
        assertEquals("t.json: dsp.count: must be an integer, got the string \"8\"; "
                        + "write a whole number in 1..1000000 without quotes, fraction or exponent, e.g. \"count\": 8",
                reject(BOARD, t -> obj(t, "dsp").put("count", "8")));
        assertEquals("t.json: logic.count: must be in 1..100000000, got 99999999999; write e.g. \"count\": 5280",
                reject(BOARD, t -> obj(t, "logic").put("count", 99_999_999_999L)));
        assertEquals("t.json: clock.boardMHz: must be a number, got the string \"12 MHz\"; write e.g. \"boardMHz\": 12",
                reject(BOARD, t -> obj(t, "clock").put("boardMHz", "12 MHz")));
        assertEquals("t.json: device: must be a JSON object, got an array; "
                        + "write {\"family\": \"ice40\", \"part\": \"iCE40UP5K\", \"package\": \"sg48\"}",
                reject(BOARD, t -> t.putArray("device")));
    }

    @Test
    void unknownKeysAreRejectedListingTheAllowedOnes() {
        assertEquals("t.json: colour: unknown key; allowed keys at the top level: format, name, description, device, "
                        + "logic, dsp, memories, clock, hostLink, flow, constraints, units",
                reject(BOARD, t -> t.put("colour", "red")));
        assertEquals("t.json: memories[1].widht: unknown key; allowed keys in memories[1]: "
                        + "name, kind, count, width, depth, ports",
                reject(BOARD, t -> mem(t, 1).put("widht", 16)));
        assertEquals("t.json: clock.targetMhz: unknown key; allowed keys in clock: boardMHz, targetMHz",
                reject(BOARD, t -> obj(t, "clock").put("targetMhz", 24)));
    }

    @Test
    void missingRequiredFieldsAreNamedWithAnExample() {
        assertEquals("t.json: device.part: missing; add e.g. \"part\": \"iCE40UP5K\"",
                reject(BOARD, t -> obj(t, "device").remove("part")));
        assertEquals("t.json: memories[0].depth: missing; add e.g. \"depth\": 256",
                reject(BOARD, t -> mem(t, 0).remove("depth")));
        assertEquals("t.json: format: missing; add e.g. \"format\": \"infomorph-target/1\"",
                reject(BOARD, t -> t.remove("format")));
        assertEquals("t.json: clock: missing; add e.g. \"clock\": {\"boardMHz\": 12, \"targetMHz\": 24}",
                reject(BOARD, t -> t.remove("clock")));
        assertEquals("t.json: flow.synthesis: must not be null; give a value, e.g. "
                        + "\"synthesis\": \"yosys -p 'synth_ice40 -device u -dsp -spram'\"",
                reject(BOARD, t -> obj(t, "flow").putNull("synthesis")));
    }

    @Test
    void theFormatMustBeThisOne() {
        assertEquals("t.json: format: must be \"infomorph-target/1\", got \"infomorph-target/2\"; "
                        + "this reader understands only infomorph-target/1",
                reject(BOARD, t -> t.put("format", "infomorph-target/2")));
    }

    @Test
    void namesUseAClosedCharacterSet() {
        assertEquals("t.json: name: invalid name \"My Board\"; use 1-64 of a-z 0-9 . _ - starting with a letter or digit, "
                        + "e.g. \"my-board\"",
                reject(BOARD, t -> t.put("name", "My Board")));
        assertEquals("t.json: memories[0].name: invalid name \"\"; use 1-64 of a-z 0-9 . _ - starting with a letter or digit, "
                        + "e.g. \"ebr\"",
                reject(BOARD, t -> mem(t, 0).put("name", "")));
        assertEquals("t.json: dsp.kind: invalid name \"SB MAC16\"; use 1-64 of A-Z a-z 0-9 _ starting with a letter, "
                        + "e.g. \"SB_MAC16\"",
                reject(BOARD, t -> obj(t, "dsp").put("kind", "SB MAC16")));
        assertTrue(reject(BOARD, t -> t.put("constraints", "../../etc/passwd"))
                .startsWith("t.json: constraints: invalid name \"../../etc/passwd\"; "));
        assertEquals("t.json: memories[1].name: duplicate memory name \"spram\"; give each memory kind its own name",
                reject(BOARD, t -> mem(t, 1).put("name", "spram")));
    }

    @Test
    void textFieldsAreOneLine() {
        assertEquals("t.json: flow.bitstream: must not be empty; write e.g. \"bitstream\": \"icepack\" (or null where optional)",
                reject(BOARD, t -> obj(t, "flow").put("bitstream", " ")));
        assertEquals("t.json: description: must be one line without control characters; remove the line breaks and tabs",
                reject(BOARD, t -> t.put("description", "two\nlines")));
    }

    @Test
    void everyResourceCountOrNone() {
        assertEquals("t.json: dsp.count: missing or null, but logic.count is given (a board); "
                        + "give every resource count (logic, dsp, each memory) for a board, or none for a simulator",
                reject(BOARD, t -> obj(t, "dsp").remove("count")));
        assertEquals("t.json: memories[1].count: missing or null, but logic.count is given (a board); "
                        + "give every resource count (logic, dsp, each memory) for a board, or none for a simulator",
                reject(BOARD, t -> mem(t, 1).putNull("count")));
        assertEquals("t.json: memories[0].count: given, but logic.count is null (a simulator); "
                        + "give every resource count (logic, dsp, each memory) for a board, or none for a simulator",
                reject(SIM, t -> mem(t, 0).put("count", 4)));
    }

    @Test
    void memoriesMustBeANonEmptyArrayOfObjects() {
        assertTrue(reject(BOARD, t -> t.putArray("memories")).startsWith("t.json: memories: must list at least one memory kind; "));
        assertTrue(reject(BOARD, t -> t.put("memories", 3)).startsWith("t.json: memories: must be an array of memory objects, got 3; "));
        assertTrue(reject(BOARD, t -> ((ArrayNode) t.get("memories")).add(7))
                .startsWith("t.json: memories[2]: must be a JSON object, got 7; "));
    }

    @Test
    void optionalValuesMayBeNullOrAbsent() {
        ObjectNode tree = TargetJson.toTree(Targets.builtIn(BOARD));
        tree.remove("constraints");
        obj(tree, "flow").putNull("bitstream");
        obj(tree, "flow").remove("placeAndRoute");
        tree.putNull("units");
        TargetDescriptor d = TargetJson.read(tree.toString(), "t.json");
        assertEquals(Optional.empty(), d.constraints());
        assertEquals(Optional.empty(), d.flow().bitstream());
        assertEquals(Optional.empty(), d.flow().placeAndRoute());
    }

    @Test
    void badJsonIsATargetExceptionWithALocation() {
        assertTrue(reject("{\"format\": ").startsWith("t.json: ends in the middle of a value (line 1, column "), reject("{\"format\": "));
        assertEquals("t.json: name: duplicate key (it appears more than once in this object, and only one value can count); keep one",
                reject("{\"name\": \"a\", \"name\": \"b\"}"));
        assertTrue(reject("{} {}").startsWith("t.json: has more content after the JSON value ends (line 1, column 4"), reject("{} {}"));
        assertEquals("t.json: is empty; expected a JSON object", reject(""));
        assertEquals("t.json: the descriptor must be a JSON object, got an array; "
                + "write a descriptor object (see docs/targets.md)", reject("[]"));
    }
}
