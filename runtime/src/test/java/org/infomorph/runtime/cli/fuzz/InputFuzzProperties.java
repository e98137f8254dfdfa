package org.infomorph.runtime.cli.fuzz;

import java.io.IOException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The fuzzing suite: random mutations of valid files of every input format, fed to every command
 * that reads that format (docs: README, "Bad input"). Every run must end in exit 0 or 2 (1 where a
 * check may fail: fit, check), with at most three stderr lines, no stack trace or library message,
 * and every input unchanged ({@link FuzzCase}). The tries below are the CI run (2,100 inputs, about
 * two minutes); {@code ./run-tests -Dinfomorph.fuzz.scale=10} runs ten inputs per try.
 * The counts per format are printed at the end and written to {@code target/fuzz-counts.txt}.
 */
class InputFuzzProperties {
    /** Inputs per try: 1 in CI; {@code -Dinfomorph.fuzz.scale=10} runs ten per try (a longer run). */
    private static final int SCALE = Math.max(1, Integer.parseInt(System.getProperty("infomorph.fuzz.scale", "1")));
    private static final Set<Integer> OK_OR_INVALID = Set.of(0, 2), MAY_FAIL_A_CHECK = Set.of(0, 1, 2);
    private static final String DATA = "synthetic";
    private static FuzzFixtures fx;

    @BeforeContainer
    static void fixtures() throws IOException {
        fx = FuzzFixtures.create();
    }

    @AfterContainer
    static void report() throws IOException {
        String report = FuzzCase.report();
        System.out.println("fuzzing: inputs per format and how they ended\n" + report);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/fuzz-counts.txt"), report + "\n");
        FuzzCase.deleteTree(fx.root);
    }

    @Property(tries = 450, seed = "130001", shrinking = ShrinkingMode.OFF)
    void networkDescriptions(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) network(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void network(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path c = caseDir(seed), net = c.resolve("net.json"), out = c.resolve("out");
        FuzzFixtures.write(net, JsonMutator.mutate(Files.readString(fx.network), r));
        String n = net.toString();
        List<String[]> commands = List.of(
                new String[] {"train", n, "--dataset", DATA, "--epochs", "1", "--no-atoms"},
                new String[] {"fit", n, "--target", "ice40up5k-icebreaker"},
                new String[] {"compile", n, "-o", out.toString()},
                new String[] {"run", "--level", "fixed", n, "--dataset", DATA},
                new String[] {"bench", "fixed", n, "--seconds", "0.01"},
                new String[] {"check", n});
        runOne("network", r, commands, List.of(net), c);
    }

    @Property(tries = 350, seed = "130002", shrinking = ShrinkingMode.OFF)
    void architectures(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) architecture(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void architecture(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path c = caseDir(seed), arch = c.resolve("arch.json"), out = c.resolve("out");
        FuzzFixtures.write(arch, JsonMutator.mutate(fx.arch, r));
        String a = arch.toString(), n = fx.network.toString();
        List<String[]> commands = List.of(
                new String[] {"arch", "--arch", a},
                new String[] {"run", "--level", "fixed", n, "--dataset", DATA, "--arch", a},
                new String[] {"quantize", fx.trained.toString(), "--arch", a, "-o", out.toString()},
                new String[] {"fit", n, "--arch", a},
                new String[] {"compile", n, "--arch", a, "-o", out.toString()},
                new String[] {"train", n, "--dataset", DATA, "--epochs", "1", "--no-atoms", "--rule", "hw-rule", "--arch", a},
                new String[] {"check", a});
        runOne("architecture", r, commands, List.of(arch, fx.network, fx.trained), c);
    }

    @Property(tries = 250, seed = "130003", shrinking = ShrinkingMode.OFF)
    void targets(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) target(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void target(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path c = caseDir(seed), target = c.resolve("target.json"), out = c.resolve("out");
        FuzzFixtures.write(target, JsonMutator.mutate(r.nextBoolean() ? fx.boardTarget : fx.simTarget, r));
        String t = target.toString(), n = fx.network.toString();
        List<String[]> commands = List.of(
                new String[] {"fit", n, "--target-file", t},
                new String[] {"compile", n, "--target-file", t, "-o", out.toString()},
                new String[] {"bench", "compile", n, "--target-file", t, "--synapses", "2000"},
                new String[] {"check", t});
        runOne("target", r, commands, List.of(target, fx.network), c);
    }

    @Property(tries = 350, seed = "130004", shrinking = ShrinkingMode.OFF)
    void trainedNetworks(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) trained(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void trained(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path c = caseDir(seed), dir = c.resolve("trained"), out = c.resolve("out");
        FuzzCase.copyTree(fx.trained, dir);
        DirMutator.mutate(dir, "network.json", "weights.bin", r);
        String d = dir.toString();
        List<String[]> commands = List.of(
                new String[] {"eval", d, "--dataset", DATA},
                new String[] {"quantize", d, "-o", out.toString()},
                new String[] {"run", "--level", "fixed", d, "--dataset", DATA},
                new String[] {"run", "--level", "paper", d, "--dataset", DATA},
                new String[] {"compile", fx.network.toString(), "--weights", d, "-o", out.toString()},
                new String[] {"pid-error", d, "--dataset", DATA, "--batches", "1", "--weights", "8", "--theta", "8", "--log2", "12",
                    "--mitchell", "12", "--bins", "8", "--out", out.toString()},
                new String[] {"check", d});
        runOne("trained", r, commands, List.of(dir, fx.network), c);
    }

    @Property(tries = 450, seed = "130005", shrinking = ShrinkingMode.OFF)
    void images(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) image(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void image(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        boolean compiled = r.nextBoolean();
        Path c = caseDir(seed), dir = c.resolve("image");
        FuzzCase.copyTree(compiled ? fx.compiled : fx.quantised, dir);
        DirMutator.mutate(dir, "image.json", "memory.bin", r);
        String d = dir.toString();
        List<String[]> commands = new ArrayList<>(List.of(
                new String[] {"inspect", d},
                new String[] {"run", "--level", "fixed", d, "--dataset", DATA},
                new String[] {"check", d}));
        // the RTL of the synthetic network on 4 units is built once for the suite (VerifyCommandTest); a compiled image cannot change it
        if (compiled && r.nextInt(4) == 0) commands.add(new String[] {"verify", d, "--dataset", DATA, "--units", "4", "--batches", "1",
            "--waveform", c.resolve("w.vcd").toString()});
        runOne("image", r, commands, List.of(dir), c);
    }

    @Property(tries = 250, seed = "130006", shrinking = ShrinkingMode.OFF)
    void pmfs(@ForAll long seed) throws IOException {
        for (int k = 0; k < SCALE; k++) pmf(seed + 0x9E3779B97F4A7C15L * k);
    }

    private static void pmf(long seed) throws IOException {
        SplittableRandom r = new SplittableRandom(seed);
        Path c = caseDir(seed), pmf = c.resolve("pmf.json");
        FuzzFixtures.write(pmf, JsonMutator.mutate(r.nextBoolean() ? fx.pmfOutcomes : fx.pmfDense, r));
        String p = pmf.toString();
        List<String[]> commands = List.of(
                new String[] {"pid", "--pmf", p},
                new String[] {"pid", "--pmf", p, "--gradient"},
                new String[] {"check", p});
        runOne("pmf", r, commands, List.of(pmf), c);
    }

    private static Path caseDir(long seed) throws IOException {
        return Files.createDirectories(fx.root.resolve("case-" + Long.toHexString(seed)));
    }

    private static void runOne(String format, SplittableRandom r, List<String[]> commands, List<Path> inputs, Path caseDir) {
        String[] args = commands.get(r.nextInt(commands.size()));
        Set<Integer> allowed = args[0].equals("fit") || args[0].equals("check") ? MAY_FAIL_A_CHECK : OK_OR_INVALID;
        try {
            FuzzCase.run(format, inputs, allowed, args);
        } finally {
            FuzzCase.deleteTree(caseDir);
        }
    }

}
