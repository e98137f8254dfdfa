package org.infomorph.compiler.pid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;

/**
 * Reads a joint PMF for {@code infomorph pid --pmf FILE}. Two shapes are accepted:
 * <ul>
 *   <li>one case as in {@code pid-golden.json}: {@code {"n_sources": 2|3, "outcomes": [{"sources": [..],
 *       "target": .., "p": ..}, ..]}}. Symbols are arbitrary JSON values; two values are the same
 *       symbol iff their JSON text is the same; alphabets are ordered by first appearance; repeated
 *       outcomes add up. Other keys (expected {@code atoms}, ...) are ignored;</li>
 *   <li>a dense table as in {@code goal-gradient-golden.json}: {@code {"pmf": p[s1][s2]([s3])[y]}}.</li>
 * </ul>
 * The PMF must be non-negative and sum to 1 within {@value #SUM_TOLERANCE}. Every problem is an
 * {@link InvalidInputException} naming the file, the JSON path and the fix.
 */
public final class PmfFile {

    /** Allowed deviation of the total probability from 1. */
    public static final double SUM_TOLERANCE = 1e-9;

    private static final ObjectMapper JSON = new ObjectMapper();

    private PmfFile() {}

    public static DensePmf read(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw InvalidInputException.at(name, null, "file not found; give the path of a PMF JSON file");
        } catch (IOException e) {
            throw InvalidInputException.at(name, null, "cannot read file (" + e.getMessage() + ")");
        }
        JsonNode root;
        try {
            root = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw InvalidInputException.at(name, null, "not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + "; fix the JSON syntax");
        }
        return parse(name, root);
    }

    /** Parses an already-read JSON tree; {@code file} is only used in messages. */
    public static DensePmf parse(String file, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw InvalidInputException.at(file, "$", "expected a JSON object with 'outcomes' (a case as in "
                    + "pid-golden.json) or 'pmf' (a dense array p[s1][s2]([s3])[y])");
        }
        if (root.has("pmf")) return parseDense(file, root);
        if (root.has("outcomes")) return parseOutcomes(file, root);
        throw InvalidInputException.at(file, "$", "missing key 'outcomes' or 'pmf'; add one of them");
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
            if (!Double.isFinite(gamma[i])) {
                throw InvalidInputException.at(file, path + "[" + i + "]", "must be a finite number, found " + gamma[i]);
            }
        }
        return gamma.clone();
    }

    private static DensePmf parseOutcomes(String file, JsonNode root) {
        int n = sourceCount(file, root.get("n_sources"));
        JsonNode outcomes = root.get("outcomes");
        if (!outcomes.isArray() || outcomes.isEmpty()) {
            throw InvalidInputException.at(file, "outcomes", "must be a non-empty array of {sources, target, p}");
        }
        List<Map<String, Integer>> alphabets = new ArrayList<>();
        for (int i = 0; i <= n; i++) alphabets.add(new LinkedHashMap<>());
        int[][] symbols = new int[outcomes.size()][n + 1];
        double[] probs = new double[outcomes.size()];
        for (int o = 0; o < outcomes.size(); o++) {
            String at = "outcomes[" + o + "]";
            JsonNode outcome = outcomes.get(o);
            if (!outcome.isObject()) throw InvalidInputException.at(file, at, "must be an object {sources, target, p}");
            JsonNode sources = outcome.get("sources");
            if (sources == null || !sources.isArray() || sources.size() != n) {
                throw InvalidInputException.at(file, at + ".sources", "must be an array of " + n
                        + " values (one per source, n_sources=" + n + ")");
            }
            JsonNode target = outcome.get("target");
            if (target == null) throw InvalidInputException.at(file, at + ".target", "missing; add the target value");
            for (int i = 0; i < n; i++) symbols[o][i] = symbol(alphabets.get(i), sources.get(i));
            symbols[o][n] = symbol(alphabets.get(n), target);
            probs[o] = probability(file, at + ".p", outcome.get("p"));
        }
        int[] bins = new int[n];
        for (int i = 0; i < n; i++) bins[i] = alphabets.get(i).size();
        int k = alphabets.get(n).size();
        int cells = 1;
        for (int b : bins) cells *= b;
        double[] p = new double[cells * k];
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
        for (JsonNode node = pmf; node.isArray(); node = node.get(0)) {
            if (node.isEmpty()) throw InvalidInputException.at(file, "pmf", "arrays must not be empty");
            shape.add(node.size());
        }
        int n = shape.size() - 1;
        if (n != 2 && n != 3) {
            throw InvalidInputException.at(file, "pmf", "has " + shape.size() + " array levels; expected 3 "
                    + "(p[s1][s2][y], 2 sources) or 4 (p[s1][s2][s3][y], 3 sources)");
        }
        if (root.has("n_sources") && sourceCount(file, root.get("n_sources")) != n) {
            throw InvalidInputException.at(file, "n_sources", "is " + root.get("n_sources") + " but pmf has "
                    + n + " source axes; make them agree");
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
                    + " entries like the first one at this level, found " + describe(node));
        }
        for (int i = 0; i < node.size(); i++) collect(file, node.get(i), at + "[" + i + "]", shape, depth + 1, out);
    }

    private static int sourceCount(String file, JsonNode node) {
        if (node == null) throw InvalidInputException.at(file, "n_sources", "missing; set it to 2 or 3");
        if (!node.isIntegralNumber() || (node.asInt() != 2 && node.asInt() != 3)) {
            throw InvalidInputException.at(file, "n_sources", "is " + node + "; only 2 or 3 sources are supported");
        }
        return node.asInt();
    }

    private static double probability(String file, String at, JsonNode node) {
        if (node == null || !node.isNumber()) {
            throw InvalidInputException.at(file, at, "must be a probability (a number in [0,1]), found " + describe(node));
        }
        double v = node.asDouble();
        if (!(v >= 0) || !Double.isFinite(v)) {
            throw InvalidInputException.at(file, at, "is " + node + "; probabilities must be >= 0");
        }
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

    private static String describe(JsonNode node) {
        if (node == null) return "nothing";
        String text = node.toString();
        return text.length() > 40 ? text.substring(0, 40) + "..." : text;
    }
}
