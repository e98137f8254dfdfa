package org.infomorph.runtime.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What repeats a run: the exact command, the tool and Java versions, the seeds and the hashes of
 * what went in and came out (weights, images, states).
 */
public record Provenance(String command, String tool, String java, String os, Map<String, Long> seeds, Map<String, String> hashes) {
    public Provenance {
        seeds = new LinkedHashMap<>(seeds);
        hashes = new LinkedHashMap<>(hashes);
    }

    /** The running tool and JVM, for the command {@code infomorph ARGS}. */
    public static Provenance of(List<String> args, Map<String, Long> seeds, Map<String, String> hashes) {
        StringBuilder cmd = new StringBuilder("infomorph");
        for (String a : args) cmd.append(' ').append(a.isEmpty() || a.matches(".*[\\s'\"$`\\\\].*") ? "'" + a.replace("'", "'\\''") + "'" : a);
        return new Provenance(cmd.toString(), org.infomorph.compiler.Version.TOOL, System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), seeds, hashes);
    }

    /** The same for the command line that {@code spec}'s command runs in (its original arguments). */
    public static Provenance of(picocli.CommandLine.Model.CommandSpec spec, Map<String, Long> seeds, Map<String, String> hashes) {
        var parsed = spec.root().commandLine().getParseResult();
        return of(parsed == null ? List.of(spec.qualifiedName()) : parsed.originalArgs(), seeds, hashes);
    }

    /** The same with one more hash (e.g. the state after learning). */
    public Provenance withHash(String name, String hex) {
        Map<String, String> h = new LinkedHashMap<>(hashes);
        h.put(name, hex);
        return new Provenance(command, tool, java, os, seeds, h);
    }

    /** The rows of the report's reproduction table. */
    public Report.Section section() {
        List<List<String>> rows = new java.util.ArrayList<>();
        rows.add(List.of("command", command));
        rows.add(List.of("tool", tool));
        rows.add(List.of("java", java));
        rows.add(List.of("system", os));
        seeds.forEach((k, v) -> rows.add(List.of("seed: " + k, String.valueOf(v))));
        hashes.forEach((k, v) -> rows.add(List.of("hash: " + k, v)));
        return new Report.Section("repeat", "Repeat this run", new Report.Table("provenance", List.of("what", "value"), rows),
                Report.Text.of("Run the command above with the same tool version and data cache to get the same bits; the hashes identify the inputs and results."));
    }
}
