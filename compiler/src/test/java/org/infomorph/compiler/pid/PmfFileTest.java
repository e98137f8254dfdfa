package org.infomorph.compiler.pid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PmfFileTest {

    @TempDir
    Path dir;

    @Test
    void readsOutcomeCaseWithArbitrarySymbols() throws IOException {
        Path f = write("""
                {"n_sources": 2, "atoms": [9], "outcomes": [
                  {"sources": ["a", [1, 2]], "target": {"k": 1}, "p": 0.5},
                  {"sources": ["b", [1, 2]], "target": "x", "p": 0.25},
                  {"sources": ["b", 3], "target": {"k": 1}, "p": 0.125},
                  {"sources": ["b", 3], "target": {"k": 1}, "p": 0.125}]}
                """);
        DensePmf pmf = PmfFile.read(f);
        assertArrayEquals(new int[] {2, 2}, pmf.sourceBins());
        assertEquals(2, pmf.targetBins());
        // cells: (a,[1,2]) (a,3) (b,[1,2]) (b,3); targets: {"k":1}=0, "x"=1; repeated outcomes add up
        assertArrayEquals(new double[] {0.5, 0, 0, 0, 0, 0.25, 0.25, 0}, pmf.p(), 0);
    }

    @Test
    void readsDenseThreeSourcePmf() throws IOException {
        Path f = write("{\"pmf\": [[[[0.5, 0]], [[0, 0.25]]], [[[0.125, 0]], [[0, 0.125]]]]}");
        DensePmf pmf = PmfFile.read(f);
        assertArrayEquals(new int[] {2, 2, 1}, pmf.sourceBins());
        assertEquals(0.25, pmf.p(1, 1));
    }

    @Test
    void readsGoldenNoisyAndDirectly() {
        Path golden = Golden.path("goal-gradient-golden.json");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PmfFile.read(golden));
        assertTrue(e.getMessage().startsWith(golden + ": cases: unknown key; allowed keys here: n_sources, outcomes, pmf,"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "bad json        | {\"pmf\": [                                                    | ends in the middle of a value",
        "not object      | [1, 2]                                                         | must be an object (a case as in pid-golden.json",
        "no keys         | {\"p\": 1}                                                     | p: unknown key; allowed keys here: n_sources, outcomes, pmf",
        "n_sources 4     | {\"n_sources\": 4, \"outcomes\": [{\"sources\": [0,0,0,0], \"target\": 0, \"p\": 1}]} | n_sources: must be an integer in 2..3, got number 4",
        "n_sources none  | {\"outcomes\": [{\"sources\": [0,0], \"target\": 0, \"p\": 1}]} | n_sources: missing",
        "short sources   | {\"n_sources\": 2, \"outcomes\": [{\"sources\": [0], \"target\": 0, \"p\": 1}]} | outcomes[0].sources: must be an array of 2",
        "no target       | {\"n_sources\": 2, \"outcomes\": [{\"sources\": [0,1], \"p\": 1}]} | outcomes[0].target: missing",
        "negative p      | {\"n_sources\": 2, \"outcomes\": [{\"sources\": [0,1], \"target\": 0, \"p\": 1.0}, {\"sources\": [1,1], \"target\": 0, \"p\": -0.5}]} | outcomes[1].p: must be in 0..1, got -0.5",
        "string p        | {\"n_sources\": 2, \"outcomes\": [{\"sources\": [0,1], \"target\": 0, \"p\": \"1\"}]} | outcomes[0].p: must be a finite number in 0..1, got the string \"1\"",
        "sum outcomes    | {\"n_sources\": 2, \"outcomes\": [{\"sources\": [0,1], \"target\": 0, \"p\": 0.9}]} | outcomes[*].p: probabilities sum to 0.9",
        "ragged          | {\"pmf\": [[[0.25, 0.25], [0.25, 0.25]], [[0.5, 0]]]}               | pmf[1]: ragged array",
        "ragged leaf     | {\"pmf\": [[[0.25, 0.25], [0.25]], [[0.25, 0], [0, 0]]]}            | pmf[0][1]: ragged array",
        "deep leaf       | {\"pmf\": [[[0.25, [0.25]], [0.25, 0.25]], [[0, 0], [0, 0]]]}       | pmf[0][0][1]: must be a finite number in 0..1, got an array of 1",
        "negative dense  | {\"pmf\": [[[0.5, 0.5], [0.5, -0.5]], [[0, 0], [0, 0]]]}            | pmf[0][1][1]: must be in 0..1, got -0.5",
        "sum dense       | {\"pmf\": [[[0.5, 0.5], [0.5, 0.5]], [[0, 0], [0, 0]]]}             | pmf: probabilities sum to 2.0",
        "one source      | {\"pmf\": [[0.5, 0.5]]}                                               | pmf: has 2 array levels",
        "n disagrees     | {\"n_sources\": 3, \"pmf\": [[[0.5, 0.5]]]}                           | n_sources: is 3 but pmf has 2 source axes",
    })
    void rejectsWithFileAndPath(String label, String json, String expected) throws IOException {
        Path f = write(json);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PmfFile.read(f));
        assertTrue(e.getMessage().startsWith(f + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), label + ": " + e.getMessage());
        assertEquals(1, e.getMessage().lines().count(), "one-line message");
    }

    @Test
    void missingFile() {
        Path f = dir.resolve("nope.json");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> PmfFile.read(f));
        assertEquals(f + ": no such file; check the path of the PMF", e.getMessage());
    }

    @Test
    void gammaLengthIsChecked() {
        assertArrayEquals(new double[5], PmfFile.checkGamma("g.json", "gamma", new double[5], 2), 0);
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> PmfFile.checkGamma("g.json", "gamma", new double[5], 3));
        assertTrue(e.getMessage().startsWith("g.json: gamma: gamma has 5 entries but 3 sources need 19"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> PmfFile.checkGamma("g.json", "gamma", new double[] {0, 0, Double.NaN, 0, 0}, 2));
    }

    private Path write(String json) throws IOException {
        Path f = dir.resolve("pmf.json");
        Files.writeString(f, json);
        return f;
    }
}
