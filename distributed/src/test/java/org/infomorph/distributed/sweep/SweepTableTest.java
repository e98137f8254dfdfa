package org.infomorph.distributed.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.network.Goals;
import org.infomorph.distributed.eval.Csv;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.Level;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepTableTest {
    private static SweepTable.Run run(int i, long seed, EvalResult r) {
        return new SweepTable.Run(new SweepPoint(i, "synthetic", Level.PAPER, new GoalChoice("context/naive", Goals.named("context/naive")), null, null,
                null, null, null, seed, null), r);
    }

    private static EvalResult ok(int i, double det) {
        return new EvalResult(i, EvalResult.Status.OK, 0.5, det - 0.01, det, List.of(), List.of(0.25, 0.75), Map.of("weight", 3L), 1.5, null);
    }

    @Test
    void everyRunIsARowFailedOnesIncludedAndTheSummaryIsOverSeeds(@TempDir Path dir) throws Exception {
        List<SweepTable.Run> runs = List.of(run(0, 1, ok(0, 0.8)), run(1, 2, EvalResult.notRun(1, EvalResult.Status.FAILED, "OutOfMemoryError: heap", 2.0)),
                run(2, 3, ok(2, 0.9)), run(3, 4, ok(3, 0.7)));
        SweepTable.writeRuns(runs, List.of("hidden", "output"), 2, dir.resolve("runs.csv"));
        List<String> lines = Files.readAllLines(dir.resolve("runs.csv"));
        assertEquals(5, lines.size());
        List<String> head = Csv.split(lines.get(0));
        List<String> failed = Csv.split(lines.get(2));
        assertEquals("failed", failed.get(head.indexOf("status")));
        assertEquals("OutOfMemoryError: heap", failed.get(head.indexOf("problem")));
        List<String> first = Csv.split(lines.get(1));
        assertEquals("0.5", first.get(head.indexOf("mean_atom_error_bits")));
        assertEquals("0.75", first.get(head.indexOf("atom_error_bits_output")));
        assertEquals("3", first.get(head.indexOf("saturation_weight")));

        List<SweepTable.Group> groups = SweepTable.groups(runs);
        assertEquals(1, groups.size());
        SweepTable.writeSummary(groups, dir.resolve("summary.csv"));
        List<String> s = Csv.split(Files.readAllLines(dir.resolve("summary.csv")).get(1));
        List<String> sh = Csv.split(Files.readAllLines(dir.resolve("summary.csv")).get(0));
        assertEquals("4", s.get(sh.indexOf("runs")));
        assertEquals("3", s.get(sh.indexOf("ok")));
        assertEquals(0.8, Double.parseDouble(s.get(sh.indexOf("test_deterministic_mean"))), 1e-12);
        // 0.8, 0.9, 0.7: s = 0.1, t(0.975, 2) = 4.302652729749464
        assertEquals(0.8 - 4.302652729749464 * 0.1 / Math.sqrt(3), Double.parseDouble(s.get(sh.indexOf("test_deterministic_ci95_low"))), 1e-9);
    }
}
