package org.infomorph.compiler.network;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.json.JsonFields;
import org.infomorph.json.StrictJson;

/**
 * Reads and writes network description files (format {@value NetworkSpec#FORMAT}); the format is
 * documented in {@code docs/network-format.md}.
 *
 * <p>Reading uses the strict reader ({@link StrictJson}) and validates the tree by hand: every name selects from a closed set
 * (nothing in a file can load a class or touch a path), unknown keys are rejected, and all problems
 * found are reported together in one {@link InvalidInputException}, one per line, each line of the
 * form {@code file: json.path: problem and fix}.
 */
public final class NetworkJson {
    /** Writes network JSON; reading goes through {@link StrictJson}. */
    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static final Set<String> TOP_KEYS = keys("format", "name", "features", "classes", "steps", "training", "layers");
    static final Set<String> TRAINING_KEYS = keys("batchSize", "epochs", "seed");
    static final Set<String> LAYER_KEYS =
            keys("name", "neurons", "bias", "sources", "activation", "goal", "binning", "outputValues", "optimizer");

    /** Paper defaults (design notes 4.3): batch 1024, 100 epochs, seed 30. */
    public static final TrainingSpec DEFAULT_TRAINING = new TrainingSpec(1024, 100, 30);

    private NetworkJson() {}

    /** Reads and validates a network file; messages name the file as given. */
    public static NetworkSpec read(Path file) {
        return fromTree(StrictJson.read(file, "network description", InvalidInputException.ERRORS), file.toString(), "");
    }

    /** Parses and validates network JSON text; {@code file} is used in messages only. */
    public static NetworkSpec parse(String json, String file) {
        return fromTree(readTree(json, file), file, "");
    }

    /** Parses text strictly ({@link StrictJson}) into a tree. */
    static JsonNode readTree(String json, String file) {
        return StrictJson.parse(json, file, InvalidInputException.ERRORS);
    }

    /**
     * Validates a tree that holds a network description at JSON path {@code path} ("" for the
     * document root) of {@code file}.
     */
    public static NetworkSpec fromTree(JsonNode root, String file, String path) {
        JsonFields f = new JsonFields(file, InvalidInputException.ERRORS);
        NetworkSpec spec = new NetworkReader(f).network(root, path);
        f.throwIfAny();
        return spec;
    }

    /** The JSON text of {@code spec}; {@link #parse} of it gives an equal spec. */
    public static String write(NetworkSpec spec) {
        try {
            return MAPPER.writeValueAsString(toTree(spec)) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The JSON tree of {@code spec}, every key written out (defaults included). */
    public static ObjectNode toTree(NetworkSpec spec) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", NetworkSpec.FORMAT);
        o.put("name", spec.name());
        o.put("features", spec.features());
        o.put("classes", spec.classes());
        o.put("steps", spec.steps());
        ObjectNode t = o.putObject("training");
        t.put("batchSize", spec.training().batchSize());
        t.put("epochs", spec.training().epochs());
        t.put("seed", spec.training().seed());
        ArrayNode layers = o.putArray("layers");
        for (LayerSpec l : spec.layers()) layers.add(layerTree(l));
        return o;
    }

    private static ObjectNode layerTree(LayerSpec l) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", l.name());
        o.put("neurons", l.neurons());
        o.put("bias", l.bias());
        ObjectNode sources = o.putObject("sources");
        for (SourceSpec s : l.sources()) {
            ObjectNode so = sources.putObject(s.role().name());
            so.put("from", s.from());
            so.put("size", s.size());
            MaskSpec m = s.mask();
            if (m.kind() == MaskKind.SPARSE) {
                ObjectNode mo = so.putObject("mask");
                mo.put("kind", jsonName(m.kind()));
                mo.put("partners", m.partners());
                mo.put("seed", m.seed());
            } else {
                so.put("mask", jsonName(m.kind()));
            }
            so.put("resetToMask", s.resetToMask());
        }
        ObjectNode a = o.putObject("activation");
        if (l.activation() instanceof ActivationSpec.Graetz g) {
            a.put("kind", "graetz");
            a.put("k1", g.k1());
            a.put("k2", g.k2());
        } else if (l.activation() instanceof ActivationSpec.KayPhillips k) {
            a.put("kind", "kay_phillips");
            a.put("k1", k.k1());
            a.put("k2", k.k2());
        } else if (l.activation() instanceof ActivationSpec.Schneider s) {
            a.put("kind", "schneider");
            a.put("c1", s.c1());
            a.put("c2", s.c2());
            a.put("w1", s.w1());
            a.put("w2", s.w2());
        }
        GoalSpec goal = l.goal();
        ArrayNode gamma;
        if (goal.name() != null) {
            ObjectNode go = o.putObject("goal");
            go.put("name", goal.name());
            gamma = go.putArray("gamma");
        } else {
            gamma = o.putArray("goal");
        }
        for (double g : goal.gamma()) gamma.add(g);
        ObjectNode b = o.putObject("binning");
        b.put("kind", jsonName(l.binning().kind()));
        b.put("bins", l.binning().bins());
        if (l.binning().kind() == BinningKind.FIXED) {
            b.put("low", l.binning().low());
            b.put("high", l.binning().high());
        }
        ArrayNode ov = o.putArray("outputValues");
        for (double v : l.outputValues()) ov.add(v);
        OptimizerSpec opt = l.optimizer();
        ObjectNode p = o.putObject("optimizer");
        p.put("kind", jsonName(opt.kind()));
        p.put("lr", opt.lr());
        p.put("weightDecay", opt.weightDecay());
        p.put("beta1", opt.beta1());
        p.put("beta2", opt.beta2());
        p.put("eps", opt.eps());
        return o;
    }

    /** The file spelling of an enum constant: lower case, e.g. {@code no_self}. */
    static String jsonName(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static Set<String> keys(String... k) {
        return new LinkedHashSet<>(List.of(k));
    }

    /** The enum constant spelled {@code text} in files, or null. */
    static <E extends Enum<E>> E enumNamed(Class<E> type, String text) {
        for (E e : type.getEnumConstants()) if (jsonName(e).equals(text)) return e;
        return null;
    }

    static <E extends Enum<E>> String spellings(Class<E> type) {
        List<String> s = new ArrayList<>();
        for (E e : type.getEnumConstants()) s.add(jsonName(e));
        return String.join(", ", s);
    }

    /** Reads the {@code sources} object: R, C, L in PID order; null for an absent role. */
    static Map<SourceRole, JsonNode> sourceNodes(JsonFields f, JsonNode sources, String path) {
        Map<SourceRole, JsonNode> out = new EnumMap<>(SourceRole.class);
        JsonNode o = f.object(sources, path, keys("R", "C", "L"), "one entry per source role: R, then C and/or L");
        if (o == null) return out;
        for (SourceRole r : SourceRole.values()) if (o.has(r.name())) out.put(r, o.get(r.name()));
        return out;
    }
}
