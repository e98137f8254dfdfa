package org.infomorph.compiler.pid;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.json.JsonFields;
import org.infomorph.json.StrictJson;

/**
 * Reads a joint PMF for {@code infomorph pid --pmf FILE} (strict JSON, {@link StrictJson}). Two shapes are accepted:
 * <ul>
 *   <li>one case as in {@code pid-golden.json}: {@code {"n_sources": 2|3, "outcomes": [{"sources": [..],
 *       "target": .., "p": ..}, ..]}}. Symbols are arbitrary JSON values; two values are the same
 *       symbol iff their JSON text is the same; alphabets are ordered by first appearance; repeated
 *       outcomes add up;</li>
 *   <li>a dense table as in {@code goal-gradient-golden.json}: {@code {"pmf": p[s1][s2]([s3])[y]}}.</li>
 * </ul>
 * The keys the golden files carry beside (expected {@code atoms}, {@code H_res}, {@code G},
 * {@code gamma}, {@code delta_g}, {@code pmf_axes}, {@code about}) are allowed and not read; any other
 * key is an error. Probabilities are numbers in [0, 1] that sum to 1 within {@value #SUM_TOLERANCE};
 * the product of the alphabet sizes is at most {@value #MAX_CELLS}. Every problem is an
 * {@link InvalidInputException} naming the file, the JSON path and the fix.
 */
public final class PmfFile {

    /** Allowed deviation of the total probability from 1. */
    public static final double SUM_TOLERANCE = 1e-9;
    /** The most cells (product of the source and target alphabet sizes) a PMF may have. */
    public static final int MAX_CELLS = 1 << 22;

    private static final List<String> KEYS = List.of("n_sources", "outcomes", "pmf", "pmf_axes", "atoms", "H_res", "G", "gamma", "delta_g", "about");

    private PmfFile() {}

    public static DensePmf read(Path file) {
        return parse(file.toString(), StrictJson.read(file, "PMF", InvalidInputException.ERRORS));
    }

    /** Parses an already-read JSON tree; {@code file} is only used in messages. */
    public static DensePmf parse(String file, JsonNode root) {
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        f.object(root, "", KEYS, "a case as in pid-golden.json with 'n_sources' and 'outcomes', or {\"pmf\": p[s1][s2]([s3])[y]}");
        f.throwIfAny();
        if (root.has("pmf") && root.has("outcomes"))
            throw InvalidInputException.at(file, "pmf", "and 'outcomes' are both given; give one of them");
        if (root.has("pmf")) return parseDense(file, root);
        if (root.has("outcomes")) return parseOutcomes(file, root);
        throw InvalidInputException.at(file, "", "missing key 'outcomes' or 'pmf'; add one of them");
    }

    /**
     * Checks that a goal vector fits {@code n} sources (5 entries for 2, 19 for 3) and returns it.
     */
    public static double[] checkGamma(String file, String path, double[] gamma, int n) {
        int want = RedundancyLattice.of(n).gammaLength();
        if (gamma.length != want) {
            throw InvalidInputException.at(file, path, "gamma has " + gamma.length + " entries but " + n
                    + " sources need " + want + " (atoms in gamma order, H_res last)");
        }
        for (int i = 0; i < gamma.length; i++) {
            if (!Double.isFinite(gamma[i]) || Math.abs(gamma[i]) > 1e6) {
                throw InvalidInputException.at(file, path + "[" + i + "]", "must be a finite number in -1e6..1e6, found " + gamma[i]);
            }
        }
        return gamma.clone();
    }

    private static DensePmf parseOutcomes(String file, JsonNode root) {
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        Integer nn = f.reqInt(root, "", "n_sources", "2", 2, 3);
        f.throwIfAny();
        int n = nn;
        JsonNode outcomes = root.get("outcomes");
        if (!outcomes.isArray() || outcomes.isEmpty()) {
            throw InvalidInputException.at(file, "outcomes", "must be a non-empty array of {sources, target, p}, got " + JsonFields.describe(outcomes));
        }
        List<Map<String, Integer>> alphabets = new ArrayList<>();
        for (int i = 0; i <= n; i++) alphabets.add(new LinkedHashMap<>());
        int[][] symbols = new int[outcomes.size()][n + 1];
        double[] probs = new double[outcomes.size()];
        for (int o = 0; o < outcomes.size(); o++) {
            String at = "outcomes[" + o + "]";
            JsonNode outcome = f.object(outcomes.get(o), at, List.of("sources", "target", "p"), "{\"sources\": [..], \"target\": .., \"p\": ..}");
            if (outcome == null) continue;
            JsonNode sources = f.required(outcome, at, "sources", "[0, 1]");
            JsonNode target = f.required(outcome, at, "target", "1");
            Double p = f.reqNumber(outcome, at, "p", "0.25", 0, 1);
            if (sources != null && (!sources.isArray() || sources.size() != n)) {
                f.problem(at + ".sources", "must be an array of " + n + " values (one per source, n_sources=" + n + "), got " + JsonFields.describe(sources));
                sources = null;
            }
            if (sources == null || target == null || p == null) continue;
            for (int i = 0; i < n; i++) symbols[o][i] = symbol(alphabets.get(i), sources.get(i));
            symbols[o][n] = symbol(alphabets.get(n), target);
            probs[o] = p;
        }
        f.throwIfAny();
        int[] bins = new int[n];
        long cells = 1;
        for (int i = 0; i < n; i++) {
            bins[i] = alphabets.get(i).size();
            cells *= bins[i];
        }
        int k = alphabets.get(n).size();
        if (cells * k > MAX_CELLS)
            throw InvalidInputException.at(file, "outcomes", "the alphabets give " + cells * k + " cells (product of the alphabet sizes); at most " + MAX_CELLS
                    + " are supported: use fewer distinct values");
        double[] p = new double[(int) (cells * k)];
        for (int o = 0; o < symbols.length; o++) {
            int cell = 0;
            for (int i = 0; i < n; i++) cell = cell * bins[i] + symbols[o][i];
            p[cell * k + symbols[o][n]] += probs[o];
        }
        checkSum(file, "outcomes[*].p", p);
        return new DensePmf(bins, k, p);
    }

    private static DensePmf parseDense(String file, JsonNode root) {
        JsonNode pmf = root.get("pmf");
        List<Integer> shape = new ArrayList<>();
        long cells = 1;
        for (JsonNode node = pmf; node.isArray(); node = node.get(0)) {
            if (node.isEmpty()) throw InvalidInputException.at(file, "pmf", "arrays must not be empty");
            shape.add(node.size());
            cells *= node.size();
            if (shape.size() > 4 || cells > MAX_CELLS) break;
        }
        int n = shape.size() - 1;
        if (n != 2 && n != 3) {
            throw InvalidInputException.at(file, "pmf", "has " + (shape.size() > 4 ? "more than 4" : shape.size()) + " array levels; expected 3 "
                    + "(p[s1][s2][y], 2 sources) or 4 (p[s1][s2][s3][y], 3 sources)");
        }
        if (cells > MAX_CELLS)
            throw InvalidInputException.at(file, "pmf", "has " + cells + " cells; at most " + MAX_CELLS + " are supported");
        if (root.has("n_sources")) {
            JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
            Integer ns = f.reqInt(root, "", "n_sources", "2", 2, 3);
            f.throwIfAny();
            if (ns != n)
                throw InvalidInputException.at(file, "n_sources", "is " + ns + " but pmf has " + n + " source axes; make them agree");
        }
        List<Double> flat = new ArrayList<>();
        collect(file, pmf, "pmf", shape, 0, flat);
        double[] p = flat.stream().mapToDouble(Double::doubleValue).toArray();
        checkSum(file, "pmf", p);
        int[] bins = new int[n];
        for (int i = 0; i < n; i++) bins[i] = shape.get(i);
        return new DensePmf(bins, shape.get(n), p);
    }

    private static void collect(String file, JsonNode node, String at, List<Integer> shape, int depth, List<Double> out) {
        if (depth == shape.size()) {
            out.add(probability(file, at, node));
            return;
        }
        if (!node.isArray() || node.size() != shape.get(depth)) {
            throw InvalidInputException.at(file, at, "ragged array: expected an array of " + shape.get(depth)
                    + " entries like the first one at this level, found " + JsonFields.describe(node));
        }
        for (int i = 0; i < node.size(); i++) collect(file, node.get(i), at + "[" + i + "]", shape, depth + 1, out);
    }

    private static double probability(String file, String at, JsonNode node) {
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        Double v = f.asNumber(node, at, 0, 1);
        f.throwIfAny();
        return v;
    }

    private static void checkSum(String file, String at, double[] p) {
        double sum = 0;
        for (double v : p) sum += v;
        if (Math.abs(sum - 1) > SUM_TOLERANCE) {
            throw InvalidInputException.at(file, at, "probabilities sum to " + sum + ", not 1 (tolerance "
                    + SUM_TOLERANCE + "); normalise them");
        }
    }

    private static int symbol(Map<String, Integer> alphabet, JsonNode value) {
        return alphabet.computeIfAbsent(value.toString(), s -> alphabet.size());
    }
}
