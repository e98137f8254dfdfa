package org.infomorph.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Strict types and ranges (JsonFields), generic records (JsonRecords) and tree differences (JsonDiff). */
class JsonFieldsTest {
    private static final InputException.Factory E = InputException::new;

    private static JsonNode tree(String json) {
        return StrictJson.parse(json, "f", E);
    }

    @Test
    void anIntegerIsAJsonIntegerInItsRange() {
        JsonNode o = tree("{\"a\": 8, \"b\": 8.0, \"c\": \"8\", \"d\": 1e3, \"e\": 70000, \"g\": 12345678901234567890}");
        JsonFields f = new JsonFields("f", E);
        assertEquals(8, f.reqInt(o, "", "a", "8", 1, 32));
        assertNull(f.reqInt(o, "", "b", "8", 1, 32));
        assertNull(f.reqInt(o, "", "c", "8", 1, 32));
        assertNull(f.reqInt(o, "", "d", "8", 1, 32));
        assertNull(f.reqInt(o, "", "e", "8", 1, 65536));
        assertNull(f.reqInt(o, "", "g", "8"));
        assertNull(f.reqInt(o, "", "missing", "8"));
        InputException e = assertThrows(InputException.class, f::throwIfAny);
        assertEquals(6, e.total());
        assertEquals("f: b: must be an integer in 1..32, got number 8.0 (write a whole number without a fraction or exponent)", e.problems().get(0));
        assertEquals("f: c: must be an integer in 1..32, got the string \"8\" (write the number without quotes)", e.problems().get(1));
        assertEquals("f: e: must be an integer in 1..65536, got number 70000", e.problems().get(3));
        assertEquals("f: missing: missing required key; add e.g. \"missing\": 8", e.problems().get(5));
    }

    @Test
    void numbersAreFiniteAndInRange() {
        JsonNode o = tree("{\"lr\": 1e30, \"x\": \"0.1\", \"ok\": 0.5}");
        JsonFields f = new JsonFields("f", E);
        assertNull(f.reqNumber(o, "", "lr", "0.002", 0, 10));
        assertNull(f.reqNumber(o, "", "x", "0.1", 0, 1));
        assertEquals(0.5, f.reqNumber(o, "", "ok", "0.5", 0, 1));
        InputException e = assertThrows(InputException.class, f::throwIfAny);
        assertEquals("f: lr: must be in 0..10, got 1.0E30", e.problems().get(0));
    }

    enum Colour { RED, GREEN }

    record Inner(int bits, Colour colour) {
        Inner {
            if (bits == 13) throw new IllegalArgumentException("bits=13 is unlucky");
        }
    }

    record Outer(Inner inner, int count, boolean on, String name) {}

    @Test
    void recordsAreReadGenericallyOverTheirComponents() {
        JsonRecords.Ranges ranges = (path, owner, c) -> path.equals("inner.bits") ? new JsonRecords.Range(1, 32) : null;
        JsonFields f = new JsonFields("f", E);
        Outer ok = JsonRecords.read(f, tree("{\"format\": 1, \"inner\": {\"bits\": 8, \"colour\": \"RED\"}, \"count\": -3, \"on\": true, \"name\": \"n\"}"),
                "", Outer.class, ranges, Set.of("format"), "see the docs");
        assertEquals(new Outer(new Inner(8, Colour.RED), -3, true, "n"), ok);

        JsonFields bad = new JsonFields("f", E);
        assertNull(JsonRecords.read(bad, tree("{\"inner\": {\"bits\": 40, \"colour\": \"BLUE\"}, \"count\": 1.5, \"extra\": 1, \"name\": 3}"),
                "arch", Outer.class, ranges, Set.of(), "see the docs"));
        InputException e = assertThrows(InputException.class, bad::throwIfAny);
        assertEquals(java.util.List.of(
                "f: arch.extra: unknown key; allowed keys here: inner, count, on, name",
                "f: arch.inner.bits: must be an integer in 1..32, got number 40",
                "f: arch.inner.colour: must be one of RED, GREEN, got the string \"BLUE\"",
                "f: arch.count: must be an integer (32-bit), got number 1.5 (write a whole number without a fraction or exponent)",
                "f: arch.on: missing; see the docs",
                "f: arch.name: must be a string, got number 3"), e.problems());

        JsonFields unlucky = new JsonFields("f", E);
        JsonRecords.read(unlucky, tree("{\"inner\": {\"bits\": 13, \"colour\": \"RED\"}, \"count\": 1, \"on\": true, \"name\": \"n\"}"),
                "", Outer.class, ranges, Set.of(), "");
        assertEquals("f: inner: bits=13 is unlucky; fix the values", assertThrows(InputException.class, unlucky::throwIfAny).first());
    }

    @Test
    void theFirstDifferenceIsNamedByPath() {
        JsonNode a = tree("{\"units\": 16, \"slots\": [2, 1], \"m\": {\"x\": 1.5}}");
        assertEquals(Optional.empty(), JsonDiff.first(a, tree("{\"slots\": [2, 1], \"m\": {\"x\": 1.5}, \"units\": 16}")));
        assertEquals(Optional.of(new JsonDiff.Difference("units", "number 16", "number 0")), JsonDiff.first(a, tree("{\"units\": 0, \"slots\": [2, 1], \"m\": {\"x\": 1.5}}")));
        assertEquals("slots[1]", JsonDiff.first(a, tree("{\"units\": 16, \"slots\": [2, 3], \"m\": {\"x\": 1.5}}")).orElseThrow().path());
        assertEquals("m.y", JsonDiff.first(a, tree("{\"units\": 16, \"slots\": [2, 1], \"m\": {\"x\": 1.5, \"y\": 0}}")).orElseThrow().path());
        assertEquals("units", JsonDiff.first(a, tree("{\"units\": 16.0, \"slots\": [2, 1], \"m\": {\"x\": 1.5}}")).orElseThrow().path(),
                "an integer field holds no fraction");
    }
}
