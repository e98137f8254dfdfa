package org.infomorph.compiler.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Each rule of the network format gives its own message, naming the file and the JSON path. */
class NetworkJsonValidationTest {
    private static final ObjectMapper M = new ObjectMapper();
    private static final String FILE = "examples/context.json";

    private static ObjectNode tree(String example) {
        try {
            return (ObjectNode) M.readTree(Files.readString(NetworkJsonExamplesTest.EXAMPLES.resolve(example)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode layer(ObjectNode root, int i) {
        return (ObjectNode) root.get("layers").get(i);
    }

    private static ObjectNode source(ObjectNode root, int i, String role) {
        return (ObjectNode) layer(root, i).get("sources").get(role);
    }

    /** Parses the mutated example and returns the error message. */
    private static String error(String example, Consumer<ObjectNode> edit) {
        ObjectNode root = tree(example);
        edit.accept(root);
        return assertThrows(InvalidInputException.class, () -> NetworkJson.parse(root.toString(), FILE)).getMessage();
    }

    private static String error(Consumer<ObjectNode> edit) {
        return error("context.json", edit);
    }

    /** The message has a line that is exactly {@code FILE: path: problem...} with the given start. */
    private static void assertLine(String message, String pathAndProblemStart) {
        String want = FILE + ": " + pathAndProblemStart;
        for (String line : message.split("\n")) if (line.startsWith(want)) return;
        throw new AssertionError("no line starting with\n  " + want + "\nin\n" + message);
    }

    @Test
    void unchangedExampleIsValid() {
        assertDoesNotThrow(() -> NetworkJson.parse(tree("context.json").toString(), FILE));
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        var e = assertThrows(InvalidInputException.class, () -> NetworkJson.parse("{\n \"format\": }", FILE));
        assertEquals(FILE + ": is not valid JSON (line 2, column 12, at \"}\"); fix the syntax", e.getMessage());
        var dup = assertThrows(InvalidInputException.class, () -> NetworkJson.parse("{\"name\": \"a\", \"name\": \"b\"}", FILE));
        assertEquals(FILE + ": name: duplicate key (it appears more than once in this object, and only one value can count); keep one", dup.getMessage());
    }

    @Test
    void format() {
        assertLine(error(r -> r.put("format", "infomorph-network/2")), "format: is \"infomorph-network/2\" but this tool reads \"infomorph-network/1\"");
        assertLine(error(r -> r.remove("format")), "format: missing required key; add e.g. \"format\": \"infomorph-network/1\"");
    }

    @Test
    void unknownKeysAreRejectedWithTheAllowedList() {
        assertLine(error(r -> r.put("comment", "x")), "comment: unknown key; allowed keys here: format, name, features, classes, steps, training, layers");
        assertLine(error(r -> layer(r, 0).put("nuerons", 3)), "layers[0].nuerons: unknown key; allowed keys here: name, neurons, bias,");
        assertLine(error(r -> source(r, 0, "C").put("sizes", 3)), "layers[0].sources.C.sizes: unknown key; allowed keys here: from, size, mask, resetToMask");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("sources")).set("X", source(r, 0, "C").deepCopy())),
                "layers[0].sources.X: unknown key; allowed keys here: R, C, L");
        assertLine(error(r -> ((ObjectNode) r.get("training")).put("lr", 1)), "training.lr: unknown key; allowed keys here: batchSize, epochs, seed");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("activation")).put("c1", 0.1)), "layers[0].activation.c1: not a parameter of graetz; allowed keys here: kind, k1, k2");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("binning")).put("low", -1)), "layers[0].binning.low: adaptive binning always uses [-1, 1]");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("momentum", 0.9)), "layers[0].optimizer.momentum: unknown key; allowed keys here: kind, lr, weightDecay, beta1, beta2, eps");
    }

    @Test
    void wrongTypes() {
        assertLine(error(r -> r.put("features", "784")), "features: must be an integer in 1..1048576, got the string \"784\" (write the number without quotes)");
        assertLine(error(r -> r.put("features", 784.5)), "features: must be an integer in 1..1048576, got number 784.5 (write a whole number without a fraction or exponent)");
        assertLine(error(r -> r.put("features", 784.0)), "features: must be an integer in 1..1048576, got number 784.0");
        assertLine(error(r -> layer(r, 0).put("bias", "yes")), "layers[0].bias: must be true or false, got the string \"yes\"");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("lr", "0.1")), "layers[0].optimizer.lr: must be a finite number in 0..10, got the string \"0.1\"");
        assertLine(error(r -> r.put("layers", 3)), "layers: must be an array of layers, got number 3");
        assertLine(error(r -> ((ArrayNode) r.get("layers")).set(0, M.getNodeFactory().textNode("hidden"))), "layers[0]: must be an object (a layer), got the string \"hidden\"");
    }

    @Test
    void absurdSizesAreRefusedAtReading() {
        assertLine(error(r -> layer(r, 0).put("neurons", 1_000_000_000)), "layers[0].neurons: must be an integer in 1..65536, got number 1000000000");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("binning")).put("bins", 1_000_000)), "layers[0].binning.bins: must be an integer in 2..1024, got number 1000000");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("lr", 1e308)), "layers[0].optimizer.lr: must be in 0..10, got 1.0E308");
        // within each range, but too many weights together
        assertLine(error(r -> {
            r.put("features", 1_048_576);
            source(r, 0, "R").put("size", 1_048_576);
            layer(r, 0).put("neurons", 65_536);
            source(r, 1, "R").put("size", 65_536);
        }), "layers: the network has " + (1_048_576L * 65_536 + 65_536L * 10 + 10L * 65_536 + 10 * 10) + " weights (neurons x size over all sources); at most 67108864");
        assertLine(error("context-lateral.json", r -> ((ObjectNode) layer(r, 0).get("binning")).put("bins", 300)),
                "layers[0].binning.bins: 300 bins per source give 27000000 histogram cells per neuron over 3 sources; at most 16777216 are supported");
    }

    @Test
    void missingRequiredKeysSayWhichWithAnExample() {
        assertLine(error(r -> layer(r, 0).remove("neurons")), "layers[0].neurons: missing required key; add e.g. \"neurons\": 100");
        assertLine(error(r -> source(r, 0, "C").remove("size")), "layers[0].sources.C.size: missing required key; add e.g. \"size\": 784");
        assertLine(error(r -> layer(r, 1).remove("goal")), "layers[1].goal: missing required key; add e.g. \"goal\": \"context/naive\" or [0, 0, 1, 0, 0]");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("activation")).remove("k1")), "layers[0].activation.k1: missing required key; add e.g. \"k1\": 0.9");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("sources")).remove("R")), "layers[0].sources.R: missing required source R");
    }

    @Test
    void closedNameSets() {
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("activation")).put("kind", "org.evil.Activation")),
                "layers[0].activation.kind: unknown activation \"org.evil.Activation\"; allowed: graetz, kay_phillips, schneider");
        assertLine(error(r -> source(r, 0, "R").put("mask", "/etc/passwd")), "layers[0].sources.R.mask: unknown mask \"/etc/passwd\"; allowed: dense, identity, no_self, sparse");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("binning")).put("kind", "quantile")), "layers[0].binning.kind: unknown binning \"quantile\"; allowed: adaptive, fixed");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("kind", "sgd")), "layers[0].optimizer.kind: unknown optimizer \"sgd\"; allowed: adam");
        assertLine(error(r -> layer(r, 0).put("goal", "context/opt_9")), "layers[0].goal: unknown goal \"context/opt_9\"; valid names: context/naive,");
        assertLine(error(r -> source(r, 0, "R").put("from", "file:/tmp/x")), "layers[0].sources.R.from: \"file:/tmp/x\" is not a source; use \"input\", \"label\"");
    }

    @Test
    void unpublishedPaperGoal() {
        assertLine(error("context-lateral.json", r -> layer(r, 0).put("goal", "context_lateral/opt_2_100_cmaes")),
                "layers[0].goal: goal 'context_lateral/opt_2_100_cmaes' is named in the paper but its numbers are not published in the design notes; give gamma as 19 numbers");
    }

    @Test
    void layerNames() {
        assertLine(error(r -> layer(r, 0).put("name", "Hidden")), "layers[0].name: \"Hidden\" is not a layer name; use 1-64 lower case letters");
        assertLine(error(r -> {
            layer(r, 1).put("name", "hidden");
        }), "layers[1].name: \"hidden\" is already the name of layers[0]; layer names must be unique");
    }

    @Test
    void fromMustNameAnEarlierLayerOrPrevious() {
        assertLine(error(r -> source(r, 1, "R").put("from", "layer:output")), "layers[1].sources.R.from: layer:output must name an earlier layer (it runs as this layer); use \"previous:output\"");
        assertLine(error(r -> source(r, 0, "C").put("from", "layer:output")), "layers[0].sources.C.from: layer:output must name an earlier layer (it runs after this one)");
        assertLine(error(r -> source(r, 1, "R").put("from", "layer:hiden")), "layers[1].sources.R.from: no layer is named \"hiden\"; layers: ");
    }

    @Test
    void sizeMustMatchTheProducer() {
        assertLine(error(r -> source(r, 0, "C").put("size", 0)), "layers[0].sources.C.size: must be an integer in 1..1048576, got number 0");
        assertLine(error(r -> source(r, 0, "C").put("size", 11)), "layers[0].sources.C.size: must be 10 (the classes, the one-hot label), got 11");
        assertLine(error(r -> source(r, 0, "R").put("size", 700)), "layers[0].sources.R.size: must be 784 (the features, the data input), got 700");
        assertLine(error(r -> source(r, 1, "R").put("size", 99)), "layers[1].sources.R.size: must be 100 (the neurons of layer hidden), got 99");
    }

    @Test
    void sourceCountArityAndGoalLength() {
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("sources")).remove("C")), "layers[0].sources: has only R; add C (context) and/or L (lateral)");
        assertLine(error("context-lateral.json", r -> ((ObjectNode) layer(r, 0).get("activation")).removeAll()
                        .put("kind", "graetz").put("k1", 0.9)),
                "layers[0].activation.kind: reads 2 sources but the layer has 3; use schneider for 3 sources");
        assertLine(error(r -> layer(r, 0).put("goal", "context_lateral/naive")), "layers[0].goal: has 19 entries but the layer has 2 sources; a 2-source goal has 5 entries");
        assertLine(error(r -> layer(r, 0).putArray("goal").add(1).add(2).add(3)), "layers[0].goal: has 3 numbers; a goal has 5 (2 sources) or 19 (3 sources)");
        assertLine(error(r -> layer(r, 0).putArray("goal").add(1).add(2).add(3).add("x").add(0)), "layers[0].goal[3]: must be a finite number in -1000..1000, got the string \"x\"");
    }

    @Test
    void goalObjectForm() {
        ObjectNode root = tree("context.json");
        layer(root, 0).putObject("goal").put("name", "mine").putArray("gamma").add(0.5).add(0).add(1).add(0).add(0);
        assertEquals(new GoalSpec("mine", new double[] {0.5, 0, 1, 0, 0}), NetworkJson.parse(root.toString(), FILE).layers().get(0).goal());
        assertLine(error(r -> layer(r, 0).putObject("goal").put("name", "context/naive").putArray("gamma").add(1).add(0).add(1).add(0).add(0)),
                "layers[0].goal.gamma: differs from the registered goal 'context/naive'");
    }

    @Test
    void masks() {
        assertLine(error(r -> source(r, 0, "R").put("mask", "identity")), "layers[0].sources.R.mask: mask \"identity\" needs size == neurons (100), but size is 784");
        assertLine(error(r -> source(r, 0, "C").put("mask", "no_self")), "layers[0].sources.C.mask: mask \"no_self\" needs size == neurons (100), but size is 10");
        assertLine(error("lateral.json", r -> source(r, 0, "L").putObject("mask").put("kind", "sparse").put("partners", 100).put("seed", 1)),
                "layers[0].sources.L.mask.partners: must be > 0 and < size (100), got 100; for all partners but the neuron itself use \"no_self\"");
        assertLine(error("lateral.json", r -> source(r, 0, "L").putObject("mask").put("kind", "sparse").put("partners", 0).put("seed", 1)),
                "layers[0].sources.L.mask.partners: must be an integer in 1..65536, got number 0");
        assertLine(error("lateral.json", r -> source(r, 0, "L").putObject("mask").put("kind", "sparse").put("partners", 10)),
                "layers[0].sources.L.mask.seed: missing required key; add e.g. \"seed\": 7");
        assertLine(error("lateral.json", r -> source(r, 0, "L").put("mask", "sparse")),
                "layers[0].sources.L.mask: a sparse mask needs partners and a seed");
        assertLine(error(r -> source(r, 0, "R").putObject("mask").put("kind", "dense").put("partners", 3)),
                "layers[0].sources.R.mask.partners: only a sparse mask takes partners; remove it");
        ObjectNode ok = tree("lateral.json");
        source(ok, 0, "L").putObject("mask").put("kind", "sparse").put("partners", 99).put("seed", 1);
        assertEquals(MaskSpec.sparse(99, 1), NetworkJson.parse(ok.toString(), FILE).layers().get(0).source(SourceRole.L).mask());
    }

    @Test
    void binningNumbers() {
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("binning")).put("bins", 1)), "layers[0].binning.bins: must be an integer in 2..1024, got number 1");
        assertLine(error("context-lateral.json", r -> ((ObjectNode) layer(r, 0).get("binning")).put("low", 20)), "layers[0].binning.high: must be > low (20.0), got 20.0");
        assertLine(error("context-lateral.json", r -> ((ObjectNode) layer(r, 0).get("binning")).remove("high")), "layers[0].binning.high: missing required key");
    }

    @Test
    void optimiserAndTrainingNumbers() {
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("lr", -0.1)), "layers[0].optimizer.lr: must be in 0..10, got -0.1");
        assertLine(error(r -> ((ObjectNode) layer(r, 0).get("optimizer")).put("weightDecay", -1)), "layers[0].optimizer.weightDecay: must be in 0..1, got -1");
        assertLine(error(r -> ((ObjectNode) r.get("training")).put("batchSize", 0)), "training.batchSize: must be an integer in 1..65536, got number 0");
        assertLine(error(r -> ((ObjectNode) r.get("training")).put("epochs", -1)), "training.epochs: must be an integer in 0..1000000, got number -1");
    }

    @Test
    void steps() {
        assertLine(error(r -> r.put("steps", 3)), "steps: must be an integer in 1..2, got number 3");
        assertLine(error(r -> r.put("steps", 2)), "steps: is 2 but no source reads \"previous:NAME\"");
        assertLine(error("lateral.json", r -> r.put("steps", 1)), "layers[0].sources.L.from: previous:hidden is always zeros when steps is 1; set \"steps\": 2");
    }

    @Test
    void outputValues() {
        assertLine(error(r -> layer(r, 0).putArray("outputValues").add(1).add(1)), "layers[0].outputValues: the two values must differ, got [1.0, 1.0]");
        assertLine(error(r -> layer(r, 0).putArray("outputValues").add(1)), "layers[0].outputValues: must be two numbers");
    }

    @Test
    void lastLayerIsTheOutputLayer() {
        assertLine(error(r -> {
            layer(r, 1).put("neurons", 9);
            source(r, 1, "C").put("mask", "dense");
        }), "layers[1].neurons: must be 10 (classes): the last layer is the output layer");
    }

    @Test
    void allProblemsAreReportedOneSelfContainedLineEach() {
        String m = error(r -> {
            r.put("features", "x");
            source(r, 0, "C").put("size", 11);
            ((ObjectNode) layer(r, 1).get("optimizer")).put("lr", -1);
        });
        String[] lines = m.split("\n");
        assertEquals(3, lines.length, m);
        for (String l : lines) assertTrue(l.startsWith(FILE + ": "), l);
    }

    @Test
    void trainedManifestPathPrefix() {
        JsonNode root = M.createObjectNode().set("network", tree("context.json").put("features", 0));
        var e = assertThrows(InvalidInputException.class, () -> NetworkJson.fromTree(root.get("network"), "run/network.json", "network"));
        assertTrue(e.getMessage().startsWith("run/network.json: network.features: must be an integer in 1..1048576, got number 0"), e.getMessage());
    }
}
