package org.infomorph.runtime.cli.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.infomorph.runtime.cli.Main;

/**
 * One fuzzed command line: runs it in-process and checks the contract that every input must keep.
 * It ends in one of the allowed exit codes (0 or 2, plus 1 where a check can fail); exit 2 prints
 * {@code error: } lines, at most three lines on stderr in all; nothing shows a stack trace, an
 * exception name or a library's message; and no input file or directory changes.
 */
final class FuzzCase {
    /** Words that only a leaked stack trace or a library message would print. */
    static final List<String> FORBIDDEN = List.of("Exception", "\tat ", "com.fasterxml", "jackson", "Jackson", "JsonReadFeature",
            "DeserializationFeature", "Cannot construct", "java.lang.", "java.io.", "java.nio.", "internal error", "picocli.", "Unrecognized field",
            "Source: REDACTED", "StreamReadFeature", "(code ");

    /** Inputs run per format, and how they ended: the figures of the report. */
    static final Map<String, Map<Integer, AtomicInteger>> COUNTS = new ConcurrentHashMap<>();
    /** Runs and seconds per command, to keep the suite within its time. */
    static final Map<String, double[]> TIMES = new ConcurrentHashMap<>();

    private FuzzCase() {}

    /**
     * Runs {@code args} and checks the contract.
     *
     * @param format  the input format being fuzzed, for the counts
     * @param inputs  every file or directory the command reads: none may change
     * @param allowed the exit codes this command may end with
     */
    static void run(String format, List<Path> inputs, Set<Integer> allowed, String... args) {
        Map<String, String> before = hashes(inputs);
        StringWriter out = new StringWriter(), err = new StringWriter();
        long t0 = System.nanoTime();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        double[] t = TIMES.computeIfAbsent(args[0].equals("bench") ? args[0] + " " + args[1] : args[0].equals("run") ? "run " + args[2] : args[0],
                k -> new double[2]);
        synchronized (t) {
            t[0]++;
            t[1] += (System.nanoTime() - t0) / 1e9;
        }
        String what = String.join(" ", args) + "\nexit " + code + "\nstderr:\n" + err + "\nstdout (end):\n" + tail(out.toString());
        COUNTS.computeIfAbsent(format, k -> new ConcurrentHashMap<>()).computeIfAbsent(code, k -> new AtomicInteger()).incrementAndGet();
        assertTrue(allowed.contains(code), "exit code " + code + " is not one of " + allowed + ":\n" + what);
        List<String> errLines = err.toString().lines().toList();
        assertTrue(errLines.size() <= 3, "more than three stderr lines:\n" + what);
        if (code == 2) assertTrue(!errLines.isEmpty() && errLines.get(0).startsWith("error: "), "exit 2 without an 'error: ' line:\n" + what);
        for (String word : FORBIDDEN) {
            if (err.toString().contains(word)) fail("stderr shows '" + word + "':\n" + what);
            if (args[0].equals("check") && out.toString().contains(word)) fail("check's report shows '" + word + "':\n" + what);
        }
        assertEquals(before, hashes(inputs), "an input changed:\n" + what);
    }

    private static String tail(String s) {
        return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
    }

    /** SHA-256 of every file under the inputs (and the names of their directories), by path. */
    static Map<String, String> hashes(List<Path> inputs) {
        Map<String, String> out = new TreeMap<>();
        for (Path in : inputs) {
            if (!Files.exists(in)) {
                out.put(in.toString(), "absent");
                continue;
            }
            try (Stream<Path> s = Files.walk(in)) {
                for (Path p : s.toList()) out.put(p.toString(), Files.isRegularFile(p) ? sha(Files.readAllBytes(p)) : "dir");
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    static String sha(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void copyTree(Path from, Path to) {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(t);
                else Files.copy(p, t);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The counts as a table: per format, inputs run and how many ended with each exit code. */
    static String report() {
        List<String> lines = new ArrayList<>();
        int total = 0;
        for (Map.Entry<String, Map<Integer, AtomicInteger>> e : new TreeMap<>(COUNTS).entrySet()) {
            int n = e.getValue().values().stream().mapToInt(AtomicInteger::get).sum();
            total += n;
            StringBuilder sb = new StringBuilder(String.format("%-14s %6d inputs:", e.getKey(), n));
            new TreeMap<>(e.getValue()).forEach((k, v) -> sb.append(String.format("  exit %d: %d", k, v.get())));
            lines.add(sb.toString());
        }
        lines.add(String.format("%-14s %6d inputs", "all formats", total));
        lines.add("time per command (runs, seconds):");
        new TreeMap<>(TIMES).forEach((k, v) -> lines.add(String.format("  %-22s %5.0f runs %7.1f s", k, v[0], v[1])));
        return String.join("\n", lines);
    }
}
