package org.infomorph.distributed.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small search on the synthetic data at L2: its files, the best goal, resuming with a larger budget, refusing other settings. */
class SearchGoalCommandTest {
    static final Path NETWORK = Path.of("..", "examples", "synthetic-context.json");

    static CliRun search(Path out, String budget, String finalSeeds, String epochs) {
        return CliRun.of("search-goal", NETWORK.toString(), "--dataset", "synthetic", "--level", "fixed", "--budget", budget, "--population", "4",
                "--epochs", epochs, "--final-epochs", "1", "--final-seeds", finalSeeds, "--out", out.toString(), "--master", "local[2]");
    }

    @Test
    void searchesResumesAndWritesTheBestGoal(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("s");
        CliRun r = search(out, "9", "1", "2");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> rows = Files.readAllLines(out.resolve("evaluations.csv"));
        assertEquals(1 + 9, rows.size(), r.out());
        List<String> head = Csv.split(rows.get(0));
        assertEquals(List.of("evaluation", "generation", "gamma_(R)", "gamma_(C)", "gamma_(R)(C)", "gamma_(RC)", "gamma_H_res", "objective"),
                head.subList(0, 8));
        assertEquals("0,0,0.0,0.0,1.0,0.0,0.0", rows.get(1).substring(0, "0,0,0.0,0.0,1.0,0.0,0.0".length())); // the start goal
        // the best row (highest objective, earliest on ties) is the goal of best-network.json
        double best = Double.NEGATIVE_INFINITY;
        double[] bestGamma = null;
        for (String line : rows.subList(1, rows.size())) {
            List<String> c = Csv.split(line);
            assertEquals("ok", c.get(head.indexOf("status")));
            double obj = Double.parseDouble(c.get(head.indexOf("objective")));
            assertEquals(Double.parseDouble(c.get(head.indexOf("validation_deterministic"))), obj, 0.0); // no sparsity penalty
            if (obj > best) {
                best = obj;
                bestGamma = c.subList(2, 7).stream().mapToDouble(Double::parseDouble).toArray();
            }
        }
        NetworkSpec written = NetworkJson.read(out.resolve("best-network.json"));
        assertArrayEquals(bestGamma, written.layers().get(0).goal().gamma());
        assertTrue(Files.size(out.resolve("convergence.png")) > 1000);
        assertEquals(1 + 2, Files.readAllLines(out.resolve("final.csv")).size()); // start and best, one seed
        assertTrue(r.out().contains("best - start: "), r.out());

        CliRun more = search(out, "13", "0", "2");
        assertEquals(0, more.code(), more.out() + more.err());
        assertTrue(more.out().contains("resuming: 9 evaluations"), more.out());
        List<String> longer = Files.readAllLines(out.resolve("evaluations.csv"));
        assertEquals(1 + 13, longer.size());
        int seconds = head.indexOf("seconds");
        for (int i = 1; i <= 9; i++) assertEquals(withoutColumn(rows.get(i), seconds), withoutColumn(longer.get(i), seconds));

        CliRun other = search(out, "13", "0", "3");
        assertEquals(2, other.code());
        assertEquals("error: " + out.resolve("search.json") + ": epochs: differs from this command's; resume with the options the search was started with, or use another --out",
                other.err().strip());
    }

    private static List<String> withoutColumn(String line, int col) {
        List<String> c = new java.util.ArrayList<>(Csv.split(line));
        c.remove(col);
        return c;
    }
}
