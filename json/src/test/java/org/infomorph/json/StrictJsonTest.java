package org.infomorph.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The strict reader: standard JSON only, within bounds, every problem in our words with its path. */
class StrictJsonTest {
    private static final InputException.Factory E = InputException::new;
    /** What only the parser library would say. */
    private static final List<String> LIBRARY = List.of("Feature", "code ", "Jackson", "jackson", "REDACTED", "Unexpected character", "Unrecognized token",
            "Non-standard", "enable", "was expecting");

    private static InputException fails(String json) {
        InputException e = assertThrows(InputException.class, () -> StrictJson.parse(json, "f.json", E));
        for (String w : LIBRARY) assertFalse(e.getMessage().contains(w), "library words in: " + e.getMessage());
        assertTrue(e.first().startsWith("f.json: "), e.first());
        return e;
    }

    @Test
    void readsStandardJson() {
        JsonNode n = StrictJson.parse("\uFEFF{\"a\": [1, 2.5, -3e2, \"x\", true, null, {\"b\": {}}], \"big\": 9223372036854775807}", "f", E);
        assertEquals(1, n.get("a").get(0).intValue());
        assertEquals(-300.0, n.get("a").get(2).doubleValue());
        assertTrue(n.get("a").get(5).isNull());
        assertEquals(Long.MAX_VALUE, n.get("big").longValue());
    }

    @Test
    void everyDuplicateKeyIsAProblemAtItsPath() {
        InputException e = fails("{\"a\": 1, \"b\": {\"c\": 1, \"c\": 2}, \"a\": 3}");
        assertEquals(2, e.total());
        assertEquals("f.json: b.c: duplicate key (it appears more than once in this object, and only one value can count); keep one", e.problems().get(0));
        assertTrue(e.problems().get(1).startsWith("f.json: a: duplicate key"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\": 1} {}                | has more content after the JSON value ends (line 1",
        "{\"a\": 1} x                 | has more content after the JSON value ends",
        "{\"a\": NaN}                 | NaN and Infinity are not JSON numbers",
        "{\"a\": -Infinity}           | NaN and Infinity are not JSON numbers",
        "{\"a\": +1}                  | a number starts with '+'",
        "{\"a\": 01}                  | a number starts with 0 followed by digits",
        "{\"a\": .5}                  | a number starts with a decimal point",
        "{\"a\": 1.}                  | a number ends with a decimal point",
        "// c\\n{}                    | holds a comment",
        "{'a': 1}                     | uses single quotes",
        "{a: 1}                       | a key is not in double quotes",
        "{\"a\": 1,}                  | has a comma before '}'",
        "[1, 2,]                      | has a comma before ']'",
        "[1,,2]                       | a value is missing between two commas",
        "{\"a\": 1 \"b\": 2}          | a comma is missing between two entries",
        "{\"a\" 1}                    | a colon is missing after a key",
        "{\"a\": tru}                 | an unquoted word \"tru\"",
        "{\"a\": 1                    | ends in the middle of a value",
        "{\"a\": [1, 2}               | a closing bracket does not match the opening one",
        "{\"a\": 1e400}               | number 1e400 is beyond the range of a double",
    })
    void syntaxErrorsInOurWords(String json, String problem) {
        InputException e = fails(json.replace("\\n", "\n"));
        assertTrue(e.first().contains(problem), e.first());
        assertTrue(e.first().contains("; "), "names a fix: " + e.first());
    }

    @Test
    void controlCharactersInStringsAreRefused() {
        assertTrue(fails("{\"a\": \"x\ny\"}").first().contains("a string holds a raw line break"));
    }

    @Test
    void nestingIsBoundedWithoutRecursion() {
        String ok = "[".repeat(StrictJson.MAX_DEPTH) + "]".repeat(StrictJson.MAX_DEPTH);
        StrictJson.parse(ok, "f", E);
        for (int depth : new int[] {StrictJson.MAX_DEPTH + 1, 5_000, 1_000_000}) {
            InputException e = fails("{\"x\": " + "[".repeat(depth) + "]".repeat(depth) + "}");
            assertTrue(e.first().contains("is nested more than 64 levels deep"), e.first());
        }
    }

    @Test
    void aMillionProblemsAreTwentyLinesAndACount() {
        StringBuilder sb = new StringBuilder("{");
        for (int i = 0; i < 100_000; i++) sb.append("\"k\": ").append(i).append(i < 99_999 ? ", " : "}");
        InputException e = fails(sb.toString());
        assertEquals(99_999, e.total());
        assertEquals(InputException.SHOWN, e.problems().size());
        assertEquals(InputException.SHOWN + 1, e.getMessage().lines().count());
        assertTrue(e.getMessage().endsWith("... and 99979 more problems (the first 20 are shown)"), e.getMessage());
    }

    @Test
    void emptyTextIsRefused() {
        assertTrue(fails("  \n").first().endsWith("is empty; expected a JSON object"));
    }

    @Test
    void filesAreUtf8WithinBounds(@TempDir Path dir) throws IOException {
        Path latin = dir.resolve("latin1.json");
        Files.write(latin, "{\"a\": \"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(assertThrows(InputException.class, () -> StrictJson.read(latin, "network description", E)).first()
                .endsWith("is not UTF-8 text (a binary file, or another encoding); save the network description as UTF-8 JSON"));
        InputException missing = assertThrows(InputException.class, () -> StrictJson.read(dir.resolve("nope.json"), "network description", E));
        assertTrue(missing.first().endsWith("nope.json: no such file; check the path of the network description"), missing.first());
        assertTrue(assertThrows(InputException.class, () -> StrictJson.read(dir, "network description", E)).first().contains("is a directory"));
        assertTrue(assertThrows(InputException.class, () -> StrictJson.read(Path.of(""), "network description", E)).first().contains("an empty path"));
    }

    @Test
    void pathsAndValuesInMessagesAreOneLine() {
        InputException e = fails("{\"a\\nb\": 1, \"a\\nb\": 2}");
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(e.first().startsWith("f.json: [\"a\\nb\"]: duplicate key"), e.first());
    }
}
