package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.network.NetworkStore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Every statement the README makes about errors, exit codes and the user's files, each checked by
 * one test. The statements are quoted exactly: a test fails when the README no longer says it, so
 * the README and this class change together. (The launcher's statement is checked by
 * {@code scripts/check-launcher}, which {@code run-tests} runs on the built jar.)
 */
class ReadmeStatementsTest {
    private static final String NET = "../examples/synthetic-context.json";
    @TempDir static Path tmp;
    private static String readme;
    private static Path trained;

    @BeforeAll
    static void setUp() throws IOException {
        readme = Files.readString(Path.of("../README.md"), StandardCharsets.UTF_8).replaceAll("\\s+", " ");
        trained = tmp.resolve("trained");
        CliRun t = CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "1", "--no-atoms", "--out", trained.toString());
        assertEquals(0, t.exitCode(), t.err());
    }

    private static void says(String statement) {
        assertTrue(readme.contains(statement.replaceAll("\\s+", " ")), "the README no longer says: " + statement);
    }

    private static Path write(String name, String text) throws IOException {
        Path p = tmp.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private static String net() throws IOException {
        return Files.readString(Path.of(NET));
    }

    private static void oneErrorLine(CliRun r) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: "), r.err());
        assertFalse(r.err().contains("\tat ") || r.err().contains("Exception"), r.err());
    }

    @Test
    @DisplayName("Every command has --help")
    void everyCommandHasHelp() {
        says("Every command has `--help`.");
        List<List<String>> commands = new ArrayList<>();
        CommandLine root = Main.commandLine(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false);
        collect(root, new ArrayList<>(), commands);
        assertTrue(commands.size() >= 19, commands.toString());
        for (List<String> c : commands) {
            List<String> args = new ArrayList<>(c);
            args.add("--help");
            CliRun r = CliRun.of(args.toArray(String[]::new));
            assertEquals(0, r.exitCode(), c + ": " + r.err());
            assertEquals("", r.err(), c + " --help writes to stderr (a picocli warning?)");
            assertTrue(r.out().startsWith("Usage: infomorph"), c + ": " + r.out());
        }
    }

    private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
        out.add(path);
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            List<String> p = new ArrayList<>(path);
            p.add(name);
            collect(sub, p, out);
        });
    }

    @Test
    @DisplayName("exit 0 success")
    void exitZeroIsSuccess() {
        says("Exit codes: `0` success");
        CliRun r = CliRun.of("arch");
        assertEquals(0, r.exitCode());
        assertEquals("", r.err());
    }

    @Test
    @DisplayName("exit 1 a check failed; fit exits 1 if it does not fit")
    void exitOneIsAFailedCheck() throws IOException {
        says("`1` a check failed");
        says("and the largest network of this shape that fits; exit 1 if it does not fit");
        CliRun fit = CliRun.of("fit", "../examples/context.json", "--target", "ice40up5k-icebreaker");
        assertEquals(1, fit.exitCode(), fit.out() + fit.err());
        assertTrue(fit.out().contains("does not fit:"), fit.out());
        Path bad = write("check/bad.json", net().replace("\"neurons\": 20", "\"neurons\": 0"));
        assertEquals(1, CliRun.of("check", bad.toString()).exitCode());
    }

    @Test
    @DisplayName("exit 2: one line on stderr that names the file, the field and the fix; never a stack trace")
    void exitTwoIsOneLineNamingFileFieldAndFix() throws IOException {
        says("`2` invalid input (one line on stderr that names the file, the field and the fix; never a stack trace)");
        Path bad = write("bad-network.json", net().replace("\"batchSize\": 100", "\"batchSize\": 0"));
        CliRun r = CliRun.of("train", bad.toString(), "--dataset", "synthetic");
        oneErrorLine(r);
        assertEquals("error: " + bad + ": training.batchSize: must be an integer in 1..65536, got number 0", r.err().strip());
    }

    @Test
    @DisplayName("exit 3: an internal error; INFOMORPH_DEBUG=1 shows the stack trace")
    void exitThreeIsAnInternalErrorWithTheTraceOnRequest() {
        says("`3` an internal error (`INFOMORPH_DEBUG=1` shows the stack trace)");
        StringWriter quiet = new StringWriter(), debug = new StringWriter();
        IllegalStateException bug = new IllegalStateException("a bug");
        assertEquals(3, Main.handle(bug, new PrintWriter(quiet, true), false));
        assertEquals(3, Main.handle(bug, new PrintWriter(debug, true), true));
        assertTrue(quiet.toString().startsWith("internal error: java.lang.IllegalStateException: a bug"), quiet.toString());
        assertTrue(quiet.toString().contains("INFOMORPH_DEBUG=1") && !quiet.toString().contains("\tat "), quiet.toString());
        assertTrue(debug.toString().contains("\tat org.infomorph.runtime.cli.ReadmeStatementsTest"), debug.toString());
    }

    @Test
    @DisplayName("A file with several problems: the first on one line, a second line counts the rest; check lists up to 20")
    void severalProblemsAreTheFirstAndACount() throws IOException {
        says("A file with several problems gives the first on one line and a second line that counts the rest; "
                + "`infomorph check FILE` lists up to 20 problems of each file and the count.");
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < 30; i++) keys.append("\"unknown").append(i).append("\": 1, ");
        Path bad = write("many.json", net().replaceFirst("\\{", "{" + keys));
        CliRun r = CliRun.of("fit", bad.toString());
        assertEquals(2, r.exitCode());
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err());
        assertTrue(lines.get(0).startsWith("error: " + bad + ": unknown0: unknown key; allowed keys here: format, name"), lines.get(0));
        assertEquals("error: and 29 more problems ('infomorph check FILE' lists up to 20 problems of a file)", lines.get(1));
        CliRun check = CliRun.of("check", bad.toString());
        assertEquals(1, check.exitCode());
        assertEquals(21, check.out().lines().count(), check.out());
        assertTrue(check.out().strip().endsWith("... and 10 more problems (the first 20 are shown)"), check.out());
        CliRun good = CliRun.of("check", NET, trained.toString());
        assertEquals(0, good.exitCode(), good.out());
        assertTrue(good.out().contains(NET + ": valid network description"), good.out());
    }

    @Test
    @DisplayName("JSON is read strictly")
    void jsonIsReadStrictly() throws IOException {
        says("Every JSON input is read strictly: a duplicate key, content after the value, a comment, NaN or Infinity, "
                + "a fraction or a string where an integer is due, or nesting deeper than 64 levels is an error with its path.");
        String n = net();
        String[][] cases = {
            {n.replace("\"steps\": 1,", "\"steps\": 1, \"steps\": 2,"), "steps: duplicate key"},
            {n + " {}", "has more content after the JSON value ends"},
            {"// my network\n" + n, "holds a comment"},
            {n.replace("\"lr\": 0.01,", "\"lr\": NaN,"), "NaN and Infinity are not JSON numbers"},
            {n.replace("\"neurons\": 20,", "\"neurons\": 20.5,"), "layers[0].neurons: must be an integer in 1..65536, got number 20.5"},
            {n.replace("\"neurons\": 20,", "\"neurons\": \"20\","), "layers[0].neurons: must be an integer in 1..65536, got the string \"20\""},
            {n.replace("\"name\": \"synthetic-context\",", "\"name\": \"x\", \"x\": " + "[".repeat(65) + "]".repeat(65) + ","), "is nested more than 64 levels deep"},
        };
        for (String[] c : cases) {
            Path f = write("strict.json", c[0]);
            CliRun r = CliRun.of("fit", f.toString());
            oneErrorLine(r);
            assertTrue(r.err().contains(c[1]), c[1] + " in " + r.err());
        }
    }

    @Test
    @DisplayName("Every number has a documented range")
    void everyNumberHasARange() throws IOException {
        says("Every number has a documented range: `--help` gives those of the options; docs/network-format.md, docs/targets.md and "
                + "docs/llu-rule.md give those of the files.");
        CliRun help = CliRun.of("train", "--help");
        assertTrue(help.out().contains("(0..1000000)"), help.out());
        oneErrorLine(CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "-1"));
        oneErrorLine(CliRun.of("run", "--level", "fixed", NET, "--dataset", "synthetic", "--learn", "--batches", "0"));
        oneErrorLine(CliRun.of("bench", "compile", NET, "--synapses", "0"));
        Path huge = write("huge.json", net().replace("\"neurons\": 20,", "\"neurons\": 1000000000,"));
        CliRun fit = CliRun.of("fit", huge.toString());
        oneErrorLine(fit);
        assertTrue(fit.err().contains("layers[0].neurons: must be an integer in 1..65536, got number 1000000000"), fit.err());
        Path lr = write("lr.json", net().replace("\"lr\": 0.01,", "\"lr\": 1e308,"));
        assertTrue(CliRun.of("train", lr.toString(), "--dataset", "synthetic").err().contains("layers[0].optimizer.lr: must be in 0..10, got 1.0E308"));
    }

    @Test
    @DisplayName("An output directory must be new, empty or an earlier output of the same kind; --force; never onto an input")
    void outputsNeverReplaceWhatTheUserHas() throws IOException {
        says("An output directory (`--out`, `-o`) must be new, empty, or hold an earlier output of the same command and nothing else, "
                + "which is then replaced whole; `--force` lets it replace any other directory. Nothing is ever written onto, into or "
                + "around an input, and an empty path is refused.");
        Path mine = tmp.resolve("mine");
        Files.createDirectories(mine);
        Path notes = write("mine/network.json", net());
        byte[] before = Files.readAllBytes(notes);
        oneErrorLine(CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "0", "--out", mine.toString()));
        oneErrorLine(CliRun.of("train", notes.toString(), "--dataset", "synthetic", "--epochs", "0", "--out", mine.toString(), "--force"));
        assertEquals(new String(before), Files.readString(notes), "the user's file is untouched");
        oneErrorLine(CliRun.of("quantize", trained.toString(), "-o", ""));
        oneErrorLine(CliRun.of("quantize", trained.toString(), "-o", trained.toString()));
        oneErrorLine(CliRun.of("quantize", trained.toString(), "-o", trained.resolve("inside").toString()));

        Path image = tmp.resolve("image");
        assertEquals(0, CliRun.of("compile", NET, "-o", image.toString()).exitCode());
        CliRun again = CliRun.of("compile", NET, "--mode", "infer", "-o", image.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertEquals(0, CliRun.of("inspect", image.toString()).exitCode(), "the earlier image was replaced whole, no file left behind");
        oneErrorLine(CliRun.of("quantize", trained.toString(), "-o", mine.toString()));
        CliRun forced = CliRun.of("train", NET, "--dataset", "synthetic", "--epochs", "0", "--out", mine.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.err());
        assertTrue(Files.readString(notes).contains("\"format\" : \"" + NetworkStore.FORMAT + "\""), "replaced by the trained network");
    }

    @Test
    @DisplayName("Outputs are written to a temporary sibling and renamed into place")
    void aFailedCommandLeavesTheOldOutput() throws IOException {
        says("Outputs are written to a temporary sibling and renamed into place, so a command that fails leaves the earlier output as it was.");
        Path image = tmp.resolve("kept");
        assertEquals(0, CliRun.of("quantize", trained.toString(), "-o", image.toString()).exitCode());
        byte[] manifest = Files.readAllBytes(image.resolve("image.json"));
        Path narrow = write("narrow-arch.json", CliRun.of("arch").out().replace("\"weightBits\" : 8", "\"weightBits\" : 2")
                .replace("\"weightHeadroomBits\" : 3", "\"weightHeadroomBits\" : 1"));
        CliRun r = CliRun.of("quantize", trained.toString(), "--arch", narrow.toString(), "-o", image.toString());
        oneErrorLine(r);
        assertTrue(Files.exists(image.resolve("image.json")));
        assertEquals(new String(manifest), Files.readString(image.resolve("image.json")));
        try (var s = Files.list(tmp)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".kept.")), "no temporary sibling left");
        }
    }

    @Test
    @DisplayName("quantize refuses a format that cannot hold the network")
    void quantizeRefusesAFormatThatCannotHoldTheNetwork() throws IOException {
        says("refuses a format that cannot hold the network");
        Path narrow = write("narrow.json", CliRun.of("arch").out().replace("\"weightBits\" : 8", "\"weightBits\" : 2")
                .replace("\"weightHeadroomBits\" : 3", "\"weightHeadroomBits\" : 1"));
        CliRun r = CliRun.of("quantize", trained.toString(), "--arch", narrow.toString(), "-o", tmp.resolve("q2").toString());
        oneErrorLine(r);
        assertTrue(r.err().contains("the format cannot hold this network: use more weight bits"), r.err());
    }

    @Test
    @DisplayName("compile fails early naming the resource, the need, the capacity and the change")
    void compileNamesResourceNeedCapacityAndChange() {
        says("fails early naming the resource, the need, the capacity and the change");
        CliRun r = CliRun.of("compile", "../examples/context.json", "--target", "ice40up5k-icebreaker", "-o", tmp.resolve("nofit").toString());
        assertEquals(2, r.exitCode(), r.err());
        String first = r.err().lines().findFirst().orElseThrow();
        assertTrue(first.matches("error: \\S+ .+, ice40up5k-icebreaker has .+: .+"), first);
        assertFalse(Files.exists(tmp.resolve("nofit")), "nothing written");
    }

    @Test
    @DisplayName("inspect: a damaged image gives one line and exit 2; images are checked whole")
    void damagedImagesAreOneLine() throws IOException {
        says("a damaged image gives one line and exit 2");
        says("An image must have `checksums.sha256`; `inspect`, `run`, `verify` and `check` recompute its mapping, generator parameters and "
                + "memory images from `image.json` and `target.json` and refuse any difference, naming the file and the field.");
        Path image = tmp.resolve("whole");
        assertEquals(0, CliRun.of("compile", NET, "-o", image.toString()).exitCode());
        Path copy = tmp.resolve("whole-edited");
        copyTree(image, copy);
        Files.writeString(copy.resolve("mapping.json"), Files.readString(copy.resolve("mapping.json")).replaceFirst("\"units\" : \\d+", "\"units\" : 0"));
        rehash(copy);
        CliRun r = CliRun.of("inspect", copy.toString());
        oneErrorLine(r);
        assertTrue(r.err().contains("mapping.json: units: is number 0 but compiling image.json's network and architecture for target.json gives number"), r.err());
        Files.delete(copy.resolve("checksums.sha256"));
        assertTrue(CliRun.of("inspect", copy.toString()).err().contains("checksums.sha256: is missing"));
    }

    @Test
    @DisplayName("image format: wrong version, checksum, sizes, value outside its format, width over 32 bits: one line naming the field")
    void imageFormatRejections() throws IOException {
        says("A wrong version, a checksum mismatch, inconsistent sizes, a value outside its format or a width over 32 bits is rejected with "
                + "one line that names the field.");
        Path image = tmp.resolve("fmt");
        assertEquals(0, CliRun.of("quantize", trained.toString(), "-o", image.toString()).exitCode());
        String manifest = Files.readString(image.resolve("image.json"));
        String[][] edits = {
            {"\"infomorph-image/1\"", "\"infomorph-image/2\"", "format: must be \"infomorph-image/1\""},
            {"\"weightBits\" : 8", "\"weightBits\" : 40", "arch.numerics.weightBits: must be an integer in 2..32, got number 40"},
            {"\"weightFrac\" : ", "\"x\" : 1, \"weightFrac\" : ", "layers[0].sources[0].x: unknown key"},
        };
        for (String[] e : edits) {
            Path copy = tmp.resolve("fmt-" + Math.abs(e[0].hashCode()));
            copyTree(image, copy);
            Files.writeString(copy.resolve("image.json"), manifest.replaceFirst(java.util.regex.Pattern.quote(e[0]), e[1]));
            rehash(copy);
            CliRun r = CliRun.of("inspect", copy.toString());
            oneErrorLine(r);
            assertTrue(r.err().contains(e[2]), e[2] + " in " + r.err());
        }
        Path copy = tmp.resolve("fmt-sum");
        copyTree(image, copy);
        byte[] mem = Files.readAllBytes(copy.resolve("memory.bin"));
        mem[0] ^= 1;
        Files.write(copy.resolve("memory.bin"), mem);
        CliRun r = CliRun.of("run", "--level", "fixed", copy.toString(), "--dataset", "synthetic");
        oneErrorLine(r);
        assertTrue(r.err().contains("memory.bin: does not match its SHA-256 in checksums.sha256"), r.err());
        Files.write(copy.resolve("memory.bin"), java.util.Arrays.copyOf(mem, mem.length - 4));
        rehash(copy);
        CliRun sizes = CliRun.of("inspect", copy.toString());
        oneErrorLine(sizes);
        assertTrue(sizes.err().contains("memory.bin: has " + (mem.length - 4) + " bytes but the manifest's layout needs " + mem.length), sizes.err());
    }

    @Test
    @DisplayName("A network too large for the heap is refused; NaN or infinite weights stop the command with exit 2")
    void memoryAndNonFiniteWeights() throws IOException {
        says("A network too large for this machine's Java heap is refused before anything is allocated, and NaN or infinite weights, "
                + "read from a file or reached in training, stop the command with exit 2, naming the layer and the weight.");
        Path big = write("big.json", net().replace("\"features\": 64", "\"features\": 65536").replace("\"size\": 64", "\"size\": 65536")
                .replace("\"neurons\": 20,", "\"neurons\": 1000,").replace("\"size\": 20", "\"size\": 1000").replace("\"batchSize\": 100", "\"batchSize\": 65536"));
        CliRun r = CliRun.of("run", "--level", "paper", big.toString(), "--learn");
        oneErrorLine(r);
        assertTrue(r.err().contains("the network needs about") && r.err().contains("INFOMORPH_JAVA_OPTS=-Xmx"), r.err());
        // NaN weights in a file (the manifest's hash repaired, as a broken tool would write them): the training case is TrainerTest's
        Path copy = tmp.resolve("nan");
        copyTree(trained, copy);
        byte[] w = Files.readAllBytes(copy.resolve("weights.bin"));
        java.nio.ByteBuffer.wrap(w).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(8 * 5, Double.NaN);
        Files.write(copy.resolve("weights.bin"), w);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(copy.resolve("network.json")));
        m.put("sha256", NetworkStore.sha256(w));
        Files.writeString(copy.resolve("network.json"), json.writeValueAsString(m));
        CliRun eval = CliRun.of("eval", copy.toString(), "--dataset", "synthetic");
        oneErrorLine(eval);
        assertTrue(eval.err().contains("weights.bin: layers[0].sources.R.w[5]: is NaN; the network diverged in training or the file is damaged"), eval.err());
    }

    @Test
    @DisplayName("no command: usage on stderr, exit 2; a usage mistake is one line with a hint")
    void usageMistakes() {
        says("`infomorph` without a command prints the usage on stderr and exits 2; a usage mistake is one line with a hint.");
        CliRun none = CliRun.of();
        assertEquals(2, none.exitCode());
        assertEquals("", none.out());
        assertTrue(none.err().contains("Usage: infomorph"), none.err());
        assertEquals(2, CliRun.of("bench").exitCode());
        CliRun unknown = CliRun.of("trian");
        assertEquals(2, unknown.exitCode());
        assertEquals("error: Unmatched argument at index 0: 'trian'; did you mean train?; see 'infomorph --help'", unknown.err().strip());
        CliRun missing = CliRun.of("train", "--dataset", "synthetic");
        assertEquals(2, missing.exitCode());
        assertEquals("error: Missing required parameter: 'NETWORK.json'; see 'infomorph train --help'", missing.err().strip());
    }

    @Test
    @DisplayName("--version equals the version written into files")
    void versionIsTheToolOfEveryFile() throws IOException {
        says("`infomorph --version` prints the version every written file records as its `tool`.");
        String version = CliRun.of("--version").out().strip();
        assertTrue(version.matches("infomorph \\d+\\.\\d+\\.\\d+.*"), version);
        assertTrue(Files.readString(trained.resolve("network.json")).contains("\"tool\" : \"" + version + "\""));
        Path image = tmp.resolve("versioned");
        assertEquals(0, CliRun.of("compile", NET, "-o", image.toString()).exitCode());
        assertTrue(Files.readString(image.resolve("mapping.json")).contains("\"tool\" : \"" + version + "\""));
        assertNotEquals("", version);
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (var s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        }
    }

    /** Re-hashes an image as someone who edits it on purpose would: memory.bin's SHA-256 in image.json, and checksums.sha256. */
    static void rehash(Path dir) throws IOException {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var m = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(Files.readString(dir.resolve("image.json")));
        m.put("sha256", NetworkStore.sha256(Files.readAllBytes(dir.resolve("memory.bin"))));
        Files.writeString(dir.resolve("image.json"), json.writerWithDefaultPrettyPrinter().writeValueAsString(m));
        StringBuilder sb = new StringBuilder();
        try (var s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.equals("checksums.sha256")) sb.append(NetworkStore.sha256(Files.readAllBytes(p))).append("  ").append(rel).append('\n');
            }
        }
        Files.writeString(dir.resolve("checksums.sha256"), sb.toString());
    }
}
