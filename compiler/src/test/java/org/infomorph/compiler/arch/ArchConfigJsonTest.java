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
        assertTrue(m.startsWith("arch.json: ") && m.contains("numerics.weightBits=40 must be in 1..32"), m);
        m = bad("\"bins\" : 8", "\"bins\" : 6");
        assertTrue(m.contains("bins=6 must be a power of two"), m);
        m = bad("\"bins\" : 8", "\"bins\" : 8, \"extra\" : 1");
        assertTrue(m.contains("extra"), m);
        m = bad("\"format\" : \"infomorph-arch/1\"", "\"format\" : \"infomorph-arch/9\"");
        assertTrue(m.contains("format") && m.contains("infomorph-arch/1"), m);
        m = bad("\"table\" : \"PREVIOUS_BATCH\"", "\"table\" : \"SOMETIMES\"");
        assertTrue(m.contains("learning.table"), m);
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
