package org.infomorph.runtime.cli.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.runtime.cli.Main;
import org.infomorph.targets.TargetJson;
import org.infomorph.targets.Targets;

/** The valid files every mutation starts from, made once: a network, a trained network, two images, an architecture, targets, PMFs. */
final class FuzzFixtures {
    final Path root, network, trained, quantised, compiled;
    final String arch, boardTarget, simTarget, pmfOutcomes, pmfDense;

    private FuzzFixtures(Path root) throws IOException {
        this.root = root;
        network = root.resolve("seed-network.json");
        Files.copy(Path.of("../examples/synthetic-context.json"), network);
        trained = root.resolve("seed-trained");
        cli("train", network.toString(), "--dataset", "synthetic", "--epochs", "1", "--no-atoms", "--out", trained.toString());
        quantised = root.resolve("seed-quantised");
        cli("quantize", trained.toString(), "-o", quantised.toString());
        compiled = root.resolve("seed-compiled");
        cli("compile", network.toString(), "--weights", trained.toString(), "-o", compiled.toString());
        arch = ArchConfigJson.write(ArchConfig.defaults());
        boardTarget = TargetJson.write(Targets.builtIn("ice40up5k-icebreaker"));
        simTarget = TargetJson.write(Targets.builtIn("verilator"));
        pmfOutcomes = """
                {"n_sources": 2, "outcomes": [
                  {"sources": [0, 0], "target": 0, "p": 0.25}, {"sources": [0, 1], "target": 1, "p": 0.25},
                  {"sources": [1, 0], "target": 1, "p": 0.25}, {"sources": [1, 1], "target": 0, "p": 0.25}]}
                """;
        pmfDense = "{\"pmf\": [[[0.25, 0], [0, 0.25]], [[0, 0.25], [0.25, 0]]]}";
    }

    static FuzzFixtures create() throws IOException {
        return new FuzzFixtures(Files.createTempDirectory("infomorph-fuzz"));
    }

    private static void cli(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        if (code != 0) throw new IllegalStateException(String.join(" ", args) + " failed with " + code + ": " + err);
    }

    static void write(Path p, byte[] b) {
        try {
            Files.createDirectories(p.getParent());
            Files.write(p, b);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void write(Path p, String s) {
        write(p, s.getBytes(StandardCharsets.UTF_8));
    }
}
