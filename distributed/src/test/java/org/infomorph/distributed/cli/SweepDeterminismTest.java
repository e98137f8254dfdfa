package org.infomorph.distributed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.infomorph.distributed.eval.Csv;
import org.infomorph.distributed.spark.StandaloneCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same 27-run sweep (L0, L1 and L2 on the synthetic data) on local[1], local[2] and a standalone
 * master with one worker gives the same numbers, row for row (only the seconds column differs).
 */
class SweepDeterminismTest {
    static final String SPEC = """
            {"format": "infomorph-sweep/1", "network": "%s", "epochs": 1, "atomBatches": 1,
             "grid": {"datasets": ["synthetic"], "levels": ["paper", "hw-rule", "fixed"],
                      "weightBits": [6, 8], "thetaBits": [6, 8], "seeds": [1, 2, 3]}}
            """;

    static Path spec(Path dir) throws Exception {
        Path network = Path.of(System.getProperty("infomorph.root", "..")).resolve("examples/synthetic-context.json").toAbsolutePath();
        Path f = dir.resolve("sweep.json");
        Files.writeString(f, SPEC.formatted(network.toString().replace("\\", "/")));
        return f;
    }

    @Test
    void sameNumbersOnEveryMaster(@TempDir Path dir) throws Exception {
        Path spec = spec(dir);
        String local1 = sweep(spec, dir.resolve("l1"), "local[1]");
        String local2 = sweep(spec, dir.resolve("l2"), "local[2]");
        assertEquals(local1, local2);
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"))) {
            assertEquals(local1, sweep(spec, dir.resolve("standalone"), cluster.url(), "--executor-wait", "120"));
        }
        List<String> rows = local1.lines().toList();
        assertEquals(28, rows.size()); // header + 3 paper + 24 hw-rule/fixed runs
        assertTrue(rows.stream().skip(1).allMatch(r -> r.contains(",ok,")), local1);
    }

    /** Runs the sweep and returns runs.csv without its seconds column. */
    static String sweep(Path spec, Path out, String master, String... more) throws Exception {
        String[] args = new String[4 + 2 + more.length];
        args[0] = "sweep";
        args[1] = spec.toString();
        args[2] = "--out";
        args[3] = out.toString();
        args[4] = "--master";
        args[5] = master;
        System.arraycopy(more, 0, args, 6, more.length);
        CliRun r = CliRun.of(args);
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = Files.readAllLines(out.resolve(SweepCommand.RUNS));
        int seconds = Csv.split(lines.get(0)).indexOf("seconds");
        return lines.stream().map(l -> {
            List<String> c = new java.util.ArrayList<>(Csv.split(l));
            c.remove(seconds);
            return String.join(",", c);
        }).collect(Collectors.joining("\n"));
    }
}
