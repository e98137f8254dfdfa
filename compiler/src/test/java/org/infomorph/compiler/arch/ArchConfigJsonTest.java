package org.infomorph.compiler.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;

class ArchConfigJsonTest {
    @Test
    void defaultsRoundTrip() {
        ArchConfig c = ArchConfig.defaults();
        String json = ArchConfigJson.write(c);
        assertEquals(c, ArchConfigJson.parse(json, "arch.json"));
        assertTrue(json.contains("\"format\" : \"infomorph-arch/1\""), json);
    }

    private static String bad(String from, String to) {
        String json = ArchConfigJson.write(ArchConfig.defaults());
        assertTrue(json.contains(from), from);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArchConfigJson.parse(json.replace(from, to), "arch.json"));
        return e.getMessage();
    }

    @Test
    void errorsNameTheFieldAndTheRule() {
        String m = bad("\"weightBits\" : 8", "\"weightBits\" : 40");
        assertEquals("arch.json: numerics.weightBits: must be an integer in 2..32, got number 40", m);
        m = bad("\"bins\" : 8", "\"bins\" : 6");
        assertTrue(m.contains("bins=6 must be a power of two"), m);
        m = bad("\"bins\" : 8", "\"bins\" : 8, \"extra\" : 1");
        assertEquals("arch.json: extra: unknown key; allowed keys here: numerics, bins, luts, prng, learning, format", m);
        m = bad("\"format\" : \"infomorph-arch/1\"", "\"format\" : \"infomorph-arch/9\"");
        assertTrue(m.contains("format") && m.contains("infomorph-arch/1"), m);
        m = bad("\"table\" : \"PREVIOUS_BATCH\"", "\"table\" : \"SOMETIMES\"");
        assertEquals("arch.json: learning.table: must be one of PREVIOUS_BATCH, SAME_BATCH, got the string \"SOMETIMES\"", m);
        assertEquals("arch.json: learning.batchExp: must be an integer in 0..14, got number 8.0 (write a whole number without a fraction or exponent)",
                bad("\"batchExp\" : 8", "\"batchExp\" : 8.0"));
        assertEquals("arch.json: learning.batchExp: must be an integer in 0..14, got the string \"8\" (write the number without quotes)",
                bad("\"batchExp\" : 8", "\"batchExp\" : \"8\""));
        assertEquals("arch.json: learning.learningRateExp: must be an integer in -32..32, got number 100",
                bad("\"learningRateExp\" : 0", "\"learningRateExp\" : 100"));
        assertEquals("arch.json: learning.learningRateExp=30 must be in -40..24 with these widths (the update shift error.frac + input.frac + batchExp"
                + " - lr - weightFrac must stay a 64-bit shift)", bad("\"learningRateExp\" : 0", "\"learningRateExp\" : 30"));
        // each layer kind's binning range is checked on its own path (the three-source default is the fixed {4, 4, 4})
        assertEquals("arch.json: learning.ranges.threeSources: need minExp <= initialExp <= maxExp, got 4, 2, 4",
                bad("\"initialExp\" : 4", "\"initialExp\" : 2"));
        assertEquals("arch.json: learning.ranges.twoSources.minExp: must be an integer in -32..32, got number -40",
                bad("\"minExp\" : -6", "\"minExp\" : -40"));
        // a file of rule v2 names the replacement of its range fields first
        m = bad("\"ranges\" : {", "\"minRangeExp\" : -6, \"ranges\" : {");
        assertTrue(m.startsWith("arch.json: learning.minRangeExp: replaced by learning.ranges, one range per layer kind"), m);
        assertEquals("arch.json: learning.batchExp: duplicate key (it appears more than once in this object, and only one value can count); keep one",
                bad("\"batchExp\" : 8", "\"batchExp\" : 8, \"batchExp\" : 9"));
    }

    @Test
    void theBinaryPointLiesWithinTheWidth() {
        String json = ArchConfigJson.write(ArchConfig.defaults());
        int at = json.indexOf("\"slope\"");
        String broken = json.substring(0, at) + json.substring(at).replaceFirst("\"frac\" : 14", "\"frac\" : 20");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArchConfigJson.parse(broken, "a.json"));
        assertEquals("a.json: numerics.slope.frac=20 must be <= numerics.slope.bits=16 (the binary point lies within the width)", e.first());
    }

    @Test
    void everyIntegerFieldHasADocumentedRange() {
        java.util.List<String> missing = new java.util.ArrayList<>();
        ranges(ArchConfig.class, "", missing);
        assertEquals(java.util.List.of(), missing, "integer fields without a range in ArchConfigRules (add one, and document it in docs/llu-rule.md)");
    }

    private static void ranges(Class<?> type, String path, java.util.List<String> missing) {
        for (var c : type.getRecordComponents()) {
            String at = path.isEmpty() ? c.getName() : path + "." + c.getName();
            if (c.getType() == int.class || c.getType() == long.class) {
                if (ArchConfigRules.range(at, type, c.getName()) == null) missing.add(at);
            } else if (c.getType().isRecord()) {
                ranges(c.getType(), at, missing);
            }
        }
    }

    @Test
    void aWidthOver32BitsInANestedFieldNamesItsPath() {
        String json = ArchConfigJson.write(ArchConfig.defaults());
        int at = json.indexOf("\"activation\"");
        String broken = json.substring(0, at) + json.substring(at).replaceFirst("\"bits\" : 16", "\"bits\" : 33");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ArchConfigJson.parse(broken, "a.json"));
        assertTrue(e.getMessage().contains("numerics.activation") && e.getMessage().contains("33"), e.getMessage());
    }
}
