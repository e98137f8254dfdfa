package org.infomorph.distributed.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bad SPEC, a bad or unreachable master: exit 2 and one line on stderr, before any Spark starts. */
class BadInputTest {
    @Test
    void badSpecIsOneLine(@TempDir Path dir) throws Exception {
        Path spec = dir.resolve("bad.json");
        Files.writeString(spec, "{\"format\": \"infomorph-sweep/1\", \"network\": \"nowhere.json\", \"grid\": {}}");
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", dir.resolve("o").toString());
        assertEquals(2, r.code());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + dir.resolve("nowhere.json")), r.err());
    }

    @Test
    void unreachableMasterIsOneLine(@TempDir Path dir) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path spec = SweepDeterminismTest.spec(dir);
        CliRun r = CliRun.of("sweep", spec.toString(), "--out", dir.resolve("o").toString(), "--master", "spark://127.0.0.1:" + port);
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: --master spark://127.0.0.1:" + port + ": cannot reach the Spark master"), r.err());
    }

    @Test
    void unknownMasterIsOneLine() {
        CliRun r = CliRun.of("search-goal", SearchGoalCommandTest.NETWORK.toString(), "--dataset", "synthetic", "--master", "yarn");
        assertEquals(2, r.code());
        assertEquals("error: --master 'yarn': use local[*], local[N] or spark://HOST:PORT", r.err().strip());
    }
}
