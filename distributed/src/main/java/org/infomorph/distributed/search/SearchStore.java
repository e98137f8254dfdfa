package org.infomorph.distributed.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.distributed.eval.Csv;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.json.StrictJson;

/**
 * A search's folder: {@code search.json} (its settings) and {@code evaluations.csv} (one row per
 * evaluation, exact numbers). Together they are the whole state of the search ({@link CmaesReplay}),
 * so an interrupted search resumes where it stopped.
 */
public final class SearchStore {
    public static final String SETTINGS = "search.json", EVALUATIONS = "evaluations.csv", BEST = "best-network.json",
            CONVERGENCE = "convergence.png", FINAL = "final.csv";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final Path dir;
    private final List<String> gammaLabels;
    private final SortedMap<Integer, SearchRow> rows;

    private SearchStore(Path dir, List<String> gammaLabels, SortedMap<Integer, SearchRow> rows) {
        this.dir = dir;
        this.gammaLabels = List.copyOf(gammaLabels);
        this.rows = rows;
    }

    /** Opens {@code dir} for {@code settings}: a new search, or the stored one if its settings match. */
    public static SearchStore open(Path dir, SearchSettings settings, List<String> gammaLabels) throws IOException {
        Path file = dir.resolve(SETTINGS);
        SortedMap<Integer, SearchRow> rows = new TreeMap<>();
        if (Files.exists(file)) {
            SearchSettings stored;
            try {
                stored = JSON.treeToValue(StrictJson.read(file, "goal-search state", InvalidInputException.ERRORS), SearchSettings.class);
            } catch (IOException e) {
                throw InvalidInputException.at(file.toString(), null, "not a goal-search state (" + e.getMessage().lines().findFirst().orElse("")
                        + "); use another --out");
            }
            String diff = settings.firstDifference(stored);
            if (diff != null)
                throw InvalidInputException.at(file.toString(), diff, "differs from this command's; resume with the options the search was"
                        + " started with, or use another --out");
            if (Files.exists(dir.resolve(EVALUATIONS))) rows = read(dir.resolve(EVALUATIONS), gammaLabels.size());
        } else {
            Files.createDirectories(dir);
        }
        Files.writeString(file, JSON.writeValueAsString(settings)); // the budget may have grown
        return new SearchStore(dir, gammaLabels, rows);
    }

    public Path dir() {
        return dir;
    }

    public Path evaluationsFile() {
        return dir.resolve(EVALUATIONS);
    }

    public SortedMap<Integer, SearchRow> rows() {
        return rows;
    }

    public void put(SearchRow r) {
        rows.put(r.index(), r);
    }

    public void save() throws IOException {
        StringBuilder sb = new StringBuilder();
        List<Object> head = new ArrayList<>(List.of("evaluation", "generation"));
        for (String g : gammaLabels) head.add("gamma_" + g);
        head.addAll(List.of("objective", "validation_deterministic", "validation_reference", "train_accuracy", "seconds", "status", "problem"));
        sb.append(Csv.row(head));
        for (SearchRow r : rows.values()) sb.append(Csv.row(cells(r)));
        Csv.write(evaluationsFile(), sb.toString());
    }

    private static List<Object> cells(SearchRow r) {
        List<Object> c = new ArrayList<>(List.of(r.index(), r.generation()));
        for (double g : r.gamma()) c.add(g);
        EvalResult e = r.result();
        c.addAll(java.util.Arrays.asList(r.objective(), e.deterministicAccuracy(), e.testAccuracy(), e.trainAccuracy(), e.seconds(),
                e.status().name().toLowerCase(), e.problem()));
        return c;
    }

    private static SortedMap<Integer, SearchRow> read(Path file, int dims) throws IOException {
        List<String> lines = Files.readAllLines(file);
        SortedMap<Integer, SearchRow> out = new TreeMap<>();
        if (lines.isEmpty()) return out;
        List<String> head = Csv.split(lines.get(0));
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < head.size(); i++) col.put(head.get(i), i);
        for (String k : List.of("evaluation", "generation", "objective", "status"))
            if (!col.containsKey(k)) throw InvalidInputException.at(file.toString(), k, "column is missing; use another --out");
        for (int n = 1; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) continue;
            List<String> c = Csv.split(lines.get(n));
            try {
                double[] gamma = new double[dims];
                for (int i = 0; i < dims; i++) gamma[i] = Double.parseDouble(c.get(2 + i));
                EvalResult.Status status = EvalResult.Status.valueOf(c.get(col.get("status")).toUpperCase());
                EvalResult res = new EvalResult(Integer.parseInt(c.get(col.get("evaluation"))), status, num(c, col, "train_accuracy"),
                        num(c, col, "validation_reference"), num(c, col, "validation_deterministic"), List.of(), List.of(), Map.of(),
                        num(c, col, "seconds"), text(c, col, "problem"));
                out.put(res.index(), new SearchRow(res.index(), Integer.parseInt(c.get(col.get("generation"))), gamma,
                        num(c, col, "objective"), res));
            } catch (RuntimeException e) {
                throw InvalidInputException.at(file.toString(), "line " + (n + 1), "cannot be read (" + e.getMessage() + "); use another --out");
            }
        }
        return out;
    }

    private static double num(List<String> c, Map<String, Integer> col, String k) {
        Integer i = col.get(k);
        return i == null || i >= c.size() || c.get(i).isEmpty() ? Double.NaN : Double.parseDouble(c.get(i));
    }

    private static String text(List<String> c, Map<String, Integer> col, String k) {
        Integer i = col.get(k);
        return i == null || i >= c.size() || c.get(i).isEmpty() ? null : c.get(i);
    }

    /** Rows in index order (for plots and reports). */
    public Collection<SearchRow> all() {
        return rows.values();
    }
}
