package org.infomorph.compiler.network;

import static org.infomorph.compiler.network.NetworkLimits.*;
import static org.infomorph.json.JsonFields.child;
import static org.infomorph.json.JsonFields.describe;
import static org.infomorph.json.JsonFields.index;
import static org.infomorph.compiler.network.NetworkJson.enumNamed;
import static org.infomorph.compiler.network.NetworkJson.keys;
import static org.infomorph.compiler.network.NetworkJson.spellings;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.infomorph.json.JsonFields;
import org.infomorph.json.JsonPaths;

/**
 * One pass over a network tree: reads every part it can, records each problem with its JSON path,
 * then checks the rules that span parts (sizes against producers, arity, goal length, steps).
 * Returns null when anything was wrong; the caller throws the collected problems.
 */
final class NetworkReader {
    private static final Pattern LAYER_NAME = Pattern.compile("[a-z][a-z0-9_-]{0,63}");

    private final JsonFields f;

    NetworkReader(JsonFields f) {
        this.f = f;
    }

    /** A source as read, before its cross-checks; any field may be null when it was invalid. */
    private record Src(SourceRole role, String path, String from, Integer size, MaskSpec mask, Boolean resetToMask) {}

    /** A layer as read; any field may be null when it was invalid. */
    private record Part(String path, String name, Integer neurons, Boolean bias, List<Src> sources, ActivationSpec activation,
            GoalSpec goal, BinningSpec binning, double[] outputValues, OptimizerSpec optimizer) {}

    NetworkSpec network(JsonNode root, String path) {
        JsonNode o = f.object(root, path, NetworkJson.TOP_KEYS, "a network description");
        if (o == null) return null;
        String format = f.reqString(o, path, "format", "\"" + NetworkSpec.FORMAT + "\"");
        if (format != null && !format.equals(NetworkSpec.FORMAT))
            f.problem(child(path, "format"), "is " + JsonPaths.quote(format) + " but this tool reads \"" + NetworkSpec.FORMAT + "\"; is it a network description?");
        String name = label(f.reqString(o, path, "name", "\"context\""), child(path, "name"));
        Integer features = f.reqInt(o, path, "features", "784", 1, MAX_FEATURES);
        Integer classes = f.reqInt(o, path, "classes", "10", 2, MAX_CLASSES);
        Integer steps = f.optInt(o, path, "steps", 1, 1, 2);
        TrainingSpec training = training(o.get("training"), child(path, "training"));

        List<Part> parts = new ArrayList<>();
        JsonNode layers = f.required(o, path, "layers", "[{\"name\": \"hidden\", ...}, {\"name\": \"output\", ...}]");
        String lp = child(path, "layers");
        if (layers != null && !layers.isArray()) f.problem(lp, "must be an array of layers, got " + describe(layers));
        else if (layers != null && layers.isEmpty()) f.problem(lp, "must hold at least one layer (the last one is the output layer)");
        else if (layers != null && layers.size() > MAX_LAYERS) f.problem(lp, "has " + layers.size() + " layers; at most " + MAX_LAYERS + " are supported");
        else if (layers != null) for (int i = 0; i < layers.size(); i++) parts.add(layer(layers.get(i), index(lp, i)));

        crossCheck(parts, features, classes, steps, path);
        if (f.hasProblems()) return null;
        checkSize(parts, path);
        if (f.hasProblems()) return null;
        List<LayerSpec> specs = new ArrayList<>();
        for (Part p : parts) {
            List<SourceSpec> sources = new ArrayList<>();
            for (Src s : p.sources()) sources.add(new SourceSpec(s.role(), s.from(), s.size(), s.mask(), s.resetToMask()));
            specs.add(new LayerSpec(p.name(), p.neurons(), sources, p.activation(), p.goal(), p.binning(), p.outputValues(),
                    p.optimizer(), p.bias()));
        }
        return new NetworkSpec(name, features, classes, steps, specs, training);
    }

    /** A name for reports: 1-128 characters on one line. */
    private String label(String s, String path) {
        if (s == null) return null;
        if (s.length() > 128 || s.chars().anyMatch(Character::isISOControl)) {
            f.problem(path, "must be at most 128 characters on one line, got " + JsonPaths.quote(s) + "; shorten it");
            return null;
        }
        return s;
    }

    private TrainingSpec training(JsonNode n, String path) {
        TrainingSpec d = NetworkJson.DEFAULT_TRAINING;
        if (n == null) return d;
        JsonNode o = f.object(n, path, NetworkJson.TRAINING_KEYS, "{\"batchSize\": 256, \"epochs\": 60, \"seed\": 30}");
        if (o == null) return null;
        Integer batch = f.optInt(o, path, "batchSize", d.batchSize(), 1, MAX_BATCH);
        Integer epochs = f.optInt(o, path, "epochs", d.epochs(), 0, MAX_EPOCHS);
        Long seed = f.optLong(o, path, "seed", d.seed());
        return batch == null || epochs == null || seed == null ? null : new TrainingSpec(batch, epochs, seed);
    }

    private Part layer(JsonNode n, String path) {
        JsonNode o = f.object(n, path, NetworkJson.LAYER_KEYS, "a layer");
        if (o == null) return null;
        String name = f.reqString(o, path, "name", "\"hidden\"");
        if (name != null && !LAYER_NAME.matcher(name).matches())
            f.problem(child(path, "name"), JsonPaths.quote(name) + " is not a layer name; use 1-64 lower case letters, digits, '_' and '-', starting with a letter (e.g. \"hidden\")");
        Integer neurons = f.reqInt(o, path, "neurons", "100", 1, MAX_NEURONS);
        Boolean bias = f.optBool(o, path, "bias", true);
        List<Src> sources = new ArrayList<>();
        JsonNode sn = f.required(o, path, "sources", "{\"R\": {\"from\": \"input\", \"size\": 784, \"mask\": \"dense\"}, \"C\": {...}}");
        if (sn != null) {
            String sp = child(path, "sources");
            for (Map.Entry<SourceRole, JsonNode> e : NetworkJson.sourceNodes(f, sn, sp).entrySet())
                sources.add(source(e.getKey(), e.getValue(), child(sp, e.getKey().name())));
        }
        JsonNode an = f.required(o, path, "activation", "{\"kind\": \"graetz\", \"k1\": 0.9, \"k2\": 2}");
        ActivationSpec activation = an == null ? null : activation(an, child(path, "activation"));
        JsonNode gn = f.required(o, path, "goal", "\"context/naive\" or [0, 0, 1, 0, 0]");
        GoalSpec goal = gn == null ? null : goal(gn, child(path, "goal"));
        JsonNode bn = f.required(o, path, "binning", "{\"kind\": \"adaptive\", \"bins\": 20}");
        BinningSpec binning = bn == null ? null : binning(bn, child(path, "binning"));
        double[] outputValues = outputValues(o.get("outputValues"), child(path, "outputValues"));
        JsonNode on = f.required(o, path, "optimizer", "{\"kind\": \"adam\", \"lr\": 0.002, \"weightDecay\": 0.00035}");
        OptimizerSpec optimizer = on == null ? null : optimizer(on, child(path, "optimizer"));
        return new Part(path, name, neurons, bias, sources, activation, goal, binning, outputValues, optimizer);
    }

    private Src source(SourceRole role, JsonNode n, String path) {
        JsonNode o = f.object(n, path, keys("from", "size", "mask", "resetToMask"), "{\"from\": \"input\", \"size\": 784, \"mask\": \"dense\"}");
        if (o == null) return new Src(role, path, null, null, null, null);
        String from = f.reqString(o, path, "from", "\"input\", \"label\", \"layer:NAME\" or \"previous:NAME\"");
        Integer size = f.reqInt(o, path, "size", "784", 1, MAX_FEATURES);
        JsonNode mn = f.required(o, path, "mask", "\"dense\"");
        MaskSpec mask = mn == null ? null : mask(mn, child(path, "mask"));
        Boolean reset = f.optBool(o, path, "resetToMask", false);
        return new Src(role, path, from, size, mask, reset);
    }

    private MaskSpec mask(JsonNode n, String path) {
        if (n.isTextual()) {
            MaskKind k = enumNamed(MaskKind.class, n.textValue());
            if (k == MaskKind.SPARSE) {
                f.problem(path, "a sparse mask needs partners and a seed: {\"kind\": \"sparse\", \"partners\": 100, \"seed\": 7}");
                return null;
            }
            if (k == null) {
                f.problem(path, "unknown mask " + JsonPaths.quote(n.textValue()) + "; allowed: " + spellings(MaskKind.class));
                return null;
            }
            return new MaskSpec(k, 0, 0);
        }
        JsonNode o = f.object(n, path, keys("kind", "partners", "seed"), "a mask name such as \"dense\", or {\"kind\": \"sparse\", \"partners\": 100, \"seed\": 7}");
        if (o == null) return null;
        String kind = f.reqString(o, path, "kind", "\"sparse\"");
        if (kind == null) return null;
        MaskKind k = enumNamed(MaskKind.class, kind);
        if (k == null) {
            f.problem(child(path, "kind"), "unknown mask " + JsonPaths.quote(kind) + "; allowed: " + spellings(MaskKind.class));
            return null;
        }
        if (k != MaskKind.SPARSE) {
            for (String extra : List.of("partners", "seed"))
                if (o.has(extra)) f.problem(child(path, extra), "only a sparse mask takes " + extra + "; remove it");
            return new MaskSpec(k, 0, 0);
        }
        Integer partners = f.reqInt(o, path, "partners", "100", 1, MAX_NEURONS);
        Long seed = f.reqLong(o, path, "seed", "7");
        return partners == null || seed == null ? null : MaskSpec.sparse(partners, seed);
    }

    private ActivationSpec activation(JsonNode n, String path) {
        JsonNode o = f.object(n, path, keys("kind", "k1", "k2", "c1", "c2", "w1", "w2"), "{\"kind\": \"graetz\", \"k1\": 0.9, \"k2\": 2}");
        if (o == null) return null;
        String kind = f.reqString(o, path, "kind", "\"graetz\"");
        if (kind == null) return null;
        List<String> allowed;
        ActivationSpec a;
        switch (kind) {
            case "graetz", "kay_phillips" -> {
                allowed = List.of("kind", "k1", "k2");
                Double k1 = f.reqNumber(o, path, "k1", "0.9", -MAX_PARAMETER, MAX_PARAMETER);
                Double k2 = f.optNumber(o, path, "k2", 2, -MAX_PARAMETER, MAX_PARAMETER);
                a = k1 == null || k2 == null ? null
                        : kind.equals("graetz") ? new ActivationSpec.Graetz(k1, k2) : new ActivationSpec.KayPhillips(k1, k2);
            }
            case "schneider" -> {
                allowed = List.of("kind", "c1", "c2", "w1", "w2");
                Double c1 = f.reqNumber(o, path, "c1", "0.1", -MAX_PARAMETER, MAX_PARAMETER);
                Double c2 = f.reqNumber(o, path, "c2", "0.1", -MAX_PARAMETER, MAX_PARAMETER);
                Double w1 = f.optNumber(o, path, "w1", 2, -MAX_PARAMETER, MAX_PARAMETER);
                Double w2 = f.optNumber(o, path, "w2", 2, -MAX_PARAMETER, MAX_PARAMETER);
                a = c1 == null || c2 == null || w1 == null || w2 == null ? null : new ActivationSpec.Schneider(c1, c2, w1, w2);
            }
            default -> {
                f.problem(child(path, "kind"), "unknown activation " + JsonPaths.quote(kind) + "; allowed: graetz, kay_phillips, schneider");
                return null;
            }
        }
        for (var it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!allowed.contains(k) && NetworkJson.keys("k1", "k2", "c1", "c2", "w1", "w2").contains(k))
                f.problem(child(path, k), "not a parameter of " + kind + "; allowed keys here: " + String.join(", ", allowed));
        }
        return a;
    }

    private GoalSpec goal(JsonNode n, String path) {
        if (n.isTextual()) {
            Optional<GoalSpec> g = Goals.lookup(n.textValue());
            if (g.isEmpty()) f.problem(path, Goals.problemWith(n.textValue()));
            return g.orElse(null);
        }
        if (n.isArray()) return gamma(null, n, path);
        JsonNode o = f.object(n, path, keys("name", "gamma"), "a goal name such as \"context/naive\", 5 or 19 numbers, or {\"name\": ..., \"gamma\": [...]}");
        if (o == null) return null;
        String name = label(f.reqString(o, path, "name", "\"my-goal\""), child(path, "name"));
        JsonNode gn = f.required(o, path, "gamma", "[0, 0, 1, 0, 0]");
        if (name == null || gn == null) return null;
        if (name.isEmpty()) {
            f.problem(child(path, "name"), "must not be empty; leave out the name by giving the goal as a plain array");
            return null;
        }
        GoalSpec g = gamma(name, gn, child(path, "gamma"));
        Optional<GoalSpec> registered = Goals.lookup(name);
        if (g != null && registered.isPresent() && !registered.get().equals(g)) {
            f.problem(child(path, "gamma"), "differs from the registered goal '" + name + "'; give the goal by name alone, or use another name for your own numbers");
            return null;
        }
        return g;
    }

    private GoalSpec gamma(String name, JsonNode n, String path) {
        if (!n.isArray()) {
            f.problem(path, "must be an array of 5 or 19 numbers, got " + describe(n));
            return null;
        }
        if (n.size() != 5 && n.size() != 19) {
            f.problem(path, "has " + n.size() + " numbers; a goal has 5 (2 sources) or 19 (3 sources), H_res last");
            return null;
        }
        double[] g = new double[n.size()];
        boolean ok = true;
        for (int i = 0; i < g.length; i++) {
            Double v = f.asNumber(n.get(i), index(path, i), -MAX_PARAMETER, MAX_PARAMETER);
            if (v == null) ok = false;
            else g[i] = v;
        }
        return ok ? new GoalSpec(name, g) : null;
    }

    private BinningSpec binning(JsonNode n, String path) {
        JsonNode o = f.object(n, path, keys("kind", "bins", "low", "high"), "{\"kind\": \"adaptive\", \"bins\": 20}");
        if (o == null) return null;
        String kind = f.reqString(o, path, "kind", "\"adaptive\"");
        Integer bins = f.optInt(o, path, "bins", 20, 2, MAX_BINS);
        if (kind == null) return null;
        BinningKind k = enumNamed(BinningKind.class, kind);
        if (k == null) {
            f.problem(child(path, "kind"), "unknown binning " + JsonPaths.quote(kind) + "; allowed: " + spellings(BinningKind.class));
            return null;
        }
        if (k == BinningKind.ADAPTIVE) {
            for (String extra : List.of("low", "high"))
                if (o.has(extra)) f.problem(child(path, extra), "adaptive binning always uses [-1, 1] after normalising; remove " + extra + " or use \"kind\": \"fixed\"");
            return bins == null ? null : BinningSpec.adaptive(bins);
        }
        Double low = f.reqNumber(o, path, "low", "-20", -MAX_RANGE, MAX_RANGE);
        Double high = f.reqNumber(o, path, "high", "20", -MAX_RANGE, MAX_RANGE);
        if (low != null && high != null && !(low < high)) {
            f.problem(child(path, "high"), "must be > low (" + low + "), got " + high);
            return null;
        }
        return bins == null || low == null || high == null ? null : BinningSpec.fixed(bins, low, high);
    }

    private double[] outputValues(JsonNode n, String path) {
        if (n == null) return new double[] {-1, 1};
        if (!n.isArray() || n.size() != 2) {
            f.problem(path, "must be two numbers [value for y=0, value for y=1], e.g. [-1, 1]; got " + describe(n));
            return null;
        }
        Double a = f.asNumber(n.get(0), index(path, 0), -MAX_PARAMETER, MAX_PARAMETER);
        Double b = f.asNumber(n.get(1), index(path, 1), -MAX_PARAMETER, MAX_PARAMETER);
        if (a == null || b == null) return null;
        if (a.doubleValue() == b.doubleValue()) {
            f.problem(path, "the two values must differ, got [" + a + ", " + b + "]");
            return null;
        }
        return new double[] {a, b};
    }

    private OptimizerSpec optimizer(JsonNode n, String path) {
        JsonNode o = f.object(n, path, keys("kind", "lr", "weightDecay", "beta1", "beta2", "eps"), "{\"kind\": \"adam\", \"lr\": 0.002}");
        if (o == null) return null;
        String kind = f.reqString(o, path, "kind", "\"adam\"");
        OptimizerKind k = kind == null ? null : enumNamed(OptimizerKind.class, kind);
        if (kind != null && k == null)
            f.problem(child(path, "kind"), "unknown optimizer " + JsonPaths.quote(kind) + "; allowed: " + spellings(OptimizerKind.class));
        Double lr = f.reqNumber(o, path, "lr", "0.002", 0, MAX_LR);
        Double wd = f.optNumber(o, path, "weightDecay", 0, 0, MAX_WEIGHT_DECAY);
        Double beta1 = f.optNumber(o, path, "beta1", 0.9);
        Double beta2 = f.optNumber(o, path, "beta2", 0.999);
        for (String b : List.of("beta1", "beta2")) {
            Double v = b.equals("beta1") ? beta1 : beta2;
            if (v != null && !(v >= 0 && v < 1)) f.problem(child(path, b), "must be in [0, 1), got " + v);
        }
        Double eps = f.optNumber(o, path, "eps", 1e-8, 0, 1);
        if (eps != null && !(eps > 0)) f.problem(child(path, "eps"), "must be > 0, got " + eps);
        if (k == null || lr == null || wd == null || beta1 == null || beta2 == null || eps == null) return null;
        return new OptimizerSpec(k, lr, wd, beta1, beta2, eps);
    }

    /** Sizes that every part allows alone but not together: all synapses, and each layer's histogram cells. */
    private void checkSize(List<Part> parts, String path) {
        long synapses = 0;
        for (Part p : parts) {
            long cells = 1;
            for (int k = 0; k < p.sources().size(); k++) cells *= p.binning().bins();
            if (cells > MAX_CELLS)
                f.problem(child(child(p.path(), "binning"), "bins"), p.binning().bins() + " bins per source give " + cells + " histogram cells per neuron over "
                        + p.sources().size() + " sources; at most " + MAX_CELLS + " are supported: use fewer bins");
            for (Src s : p.sources()) synapses += (long) p.neurons() * s.size();
        }
        if (synapses > MAX_SYNAPSES)
            f.problem(child(path, "layers"), "the network has " + synapses + " weights (neurons x size over all sources); at most " + MAX_SYNAPSES
                    + " are supported: use fewer neurons");
    }

    /** Rules that span parts: names, producers and sizes, masks, arity, goal length, steps, output layer. */
    private void crossCheck(List<Part> parts, Integer features, Integer classes, Integer steps, String path) {
        Map<String, Integer> indexOf = new HashMap<>();
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p == null || p.name() == null) continue;
            Integer first = indexOf.putIfAbsent(p.name(), i);
            if (first != null)
                f.problem(child(p.path(), "name"), "\"" + p.name() + "\" is already the name of layers[" + first + "]; layer names must be unique");
        }
        boolean anyPrevious = false;
        for (int i = 0; i < parts.size(); i++) {
            Part p = parts.get(i);
            if (p == null) continue;
            for (Src s : p.sources()) {
                if (s.from() != null && s.from().startsWith(SourceSpec.PREVIOUS_PREFIX)) anyPrevious = true;
                checkSource(s, p, i, parts, indexOf, features, classes, steps);
            }
            checkArity(p);
        }
        if (steps != null && steps == 2 && !anyPrevious)
            f.problem(child(path, "steps"), "is 2 but no source reads \"previous:NAME\", so step 2 would repeat step 1; use steps 1 or add a lateral/feedback source");
        Part last = parts.isEmpty() ? null : parts.get(parts.size() - 1);
        if (last != null && last.neurons() != null && classes != null && !last.neurons().equals(classes))
            f.problem(child(last.path(), "neurons"), "must be " + classes + " (classes): the last layer is the output layer, one neuron per class; got " + last.neurons());
    }

    private void checkSource(Src s, Part p, int layerIndex, List<Part> parts, Map<String, Integer> indexOf, Integer features,
            Integer classes, Integer steps) {
        Integer expected = null;
        String producer = null;
        String from = s.from();
        String fp = child(s.path(), "from");
        if (from == null) {
            // already reported
        } else if (from.equals(SourceSpec.INPUT)) {
            expected = features;
            producer = "features, the data input";
        } else if (from.equals(SourceSpec.LABEL)) {
            expected = classes;
            producer = "classes, the one-hot label";
        } else if (from.startsWith(SourceSpec.LAYER_PREFIX) || from.startsWith(SourceSpec.PREVIOUS_PREFIX)) {
            boolean previous = from.startsWith(SourceSpec.PREVIOUS_PREFIX);
            String name = from.substring((previous ? SourceSpec.PREVIOUS_PREFIX : SourceSpec.LAYER_PREFIX).length());
            Integer j = indexOf.get(name);
            if (j == null) {
                f.problem(fp, "no layer is named " + JsonPaths.quote(name) + "; layers: " + String.join(", ", indexOf.keySet()));
            } else if (!previous && j >= layerIndex) {
                f.problem(fp, "layer:" + name + " must name an earlier layer (it runs " + (j == layerIndex ? "as this layer" : "after this one")
                        + "); use \"previous:" + name + "\" for its spikes of the previous step");
            } else {
                expected = parts.get(j).neurons();
                producer = "neurons of layer " + name;
                if (previous && steps != null && steps == 1)
                    f.problem(fp, "previous:" + name + " is always zeros when steps is 1; set \"steps\": 2");
            }
        } else {
            f.problem(fp, JsonPaths.quote(from) + " is not a source; use \"input\", \"label\", \"layer:NAME\" (an earlier layer) or \"previous:NAME\"");
        }
        if (s.size() != null && expected != null && !s.size().equals(expected))
            f.problem(child(s.path(), "size"), "must be " + expected + " (the " + producer + "), got " + s.size());
        MaskSpec m = s.mask();
        if (m == null || s.size() == null || p.neurons() == null) return;
        String mp = child(s.path(), "mask");
        int n = p.neurons();
        if (m.kind() != MaskKind.DENSE && s.size() != n)
            f.problem(mp, "mask \"" + NetworkJson.jsonName(m.kind()) + "\" needs size == neurons (" + n + "), but size is " + s.size() + "; use \"dense\"");
        if (m.kind() == MaskKind.SPARSE && !(m.partners() > 0 && m.partners() < s.size()))
            f.problem(child(mp, "partners"), "must be > 0 and < size (" + s.size() + "), got " + m.partners()
                    + "; for all partners but the neuron itself use \"no_self\"");
    }

    private void checkArity(Part p) {
        boolean hasR = false;
        for (Src s : p.sources()) hasR |= s.role() == SourceRole.R;
        String sp = child(p.path(), "sources");
        int n = p.sources().size();
        if (!hasR) f.problem(child(sp, "R"), "missing required source R (the feed-forward input), e.g. {\"from\": \"input\", \"size\": 784, \"mask\": \"dense\"}");
        else if (n < 2) f.problem(sp, "has only R; add C (context) and/or L (lateral): a layer has 2 or 3 sources");
        if (p.activation() != null && n >= 2 && p.activation().arity() != n)
            f.problem(child(child(p.path(), "activation"), "kind"), "reads " + p.activation().arity() + " sources but the layer has " + n
                    + "; use " + (n == 3 ? "schneider" : "graetz or kay_phillips") + " for " + n + " sources");
        if (p.goal() != null && n >= 2 && p.goal().sourceCount() != n)
            f.problem(child(p.path(), "goal"), "has " + p.goal().gamma().length + " entries but the layer has " + n + " sources; a "
                    + n + "-source goal has " + (n == 2 ? 5 : 19) + " entries");
    }
}
