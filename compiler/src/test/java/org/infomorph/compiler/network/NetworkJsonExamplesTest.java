package org.infomorph.compiler.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Every shipped example parses, round-trips, and says what the design notes say. */
class NetworkJsonExamplesTest {
    static final Path EXAMPLES = Path.of("..", "examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> s = Files.list(EXAMPLES)) {
            List<Path> l = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertTrue(l.size() >= 6, "examples found: " + l);
            return l.stream();
        }
    }

    static NetworkSpec example(String name) {
        return NetworkJson.read(EXAMPLES.resolve(name));
    }

    @ParameterizedTest
    @MethodSource("examples")
    void parsesAndRoundTrips(Path file) {
        NetworkSpec spec = NetworkJson.read(file);
        String text = NetworkJson.write(spec);
        NetworkSpec again = NetworkJson.parse(text, "written");
        assertEquals(spec, again);
        assertEquals(text, NetworkJson.write(again));
    }

    @Test
    void contextMatchesTheNotes() {
        NetworkSpec s = example("context.json");
        assertEquals(1, s.steps());
        assertEquals(new TrainingSpec(256, 60, 30), s.training());
        LayerSpec h = s.layers().get(0);
        assertEquals(new ActivationSpec.Graetz(0.9, 2), h.activation());
        assertEquals(Goals.named("context/naive"), h.goal());
        assertEquals(BinningSpec.adaptive(20), h.binning());
        assertEquals(OptimizerSpec.adam(0.002, 0.00035), h.optimizer());
        assertEquals(new SourceSpec(SourceRole.R, "input", 784, MaskSpec.dense(), false), h.source(SourceRole.R));
        assertEquals(new SourceSpec(SourceRole.C, "label", 10, MaskSpec.dense(), false), h.source(SourceRole.C));
        LayerSpec o = s.outputLayer();
        assertEquals("output", o.name());
        assertEquals(new ActivationSpec.Graetz(1, 2), o.activation());
        assertEquals(Goals.named("output"), o.goal());
        assertEquals(OptimizerSpec.adam(0.003, 0.00015), o.optimizer());
        assertEquals(new SourceSpec(SourceRole.C, "label", 10, MaskSpec.identity(), true), o.source(SourceRole.C));
        assertEquals(new SourceSpec(SourceRole.R, "layer:hidden", 100, MaskSpec.dense(), false), o.source(SourceRole.R));
    }

    @Test
    void lateralAndTrivariateExamples() {
        NetworkSpec lat = example("lateral.json");
        assertEquals(2, lat.steps());
        LayerSpec h = lat.layers().get(0);
        assertEquals(List.of(SourceRole.R, SourceRole.L), h.sources().stream().map(SourceSpec::role).toList());
        assertEquals(new SourceSpec(SourceRole.L, "previous:hidden", 100, MaskSpec.noSelf(), false), h.source(SourceRole.L));
        assertEquals(Goals.named("lateral/opt_2_100"), h.goal());

        LayerSpec t = example("context-lateral.json").layers().get(0);
        assertEquals(new ActivationSpec.Schneider(0.1, 0.1, 2, 2), t.activation());
        assertEquals(BinningSpec.fixed(20, -20, 20), t.binning());
        assertEquals(Goals.named("context_lateral/opt_1_100_tpe"), t.goal());
        assertEquals(3, t.sourceCount());

        LayerSpec fb = example("context-lateral-feedback.json").layers().get(0);
        assertEquals("previous:output", fb.source(SourceRole.C).from());
        assertTrue(fb.source(SourceRole.C).fromPrevious());
        assertEquals("output", fb.source(SourceRole.C).fromLayer());

        NetworkSpec ro = example("readout.json");
        assertEquals(1, ro.layers().size());
        assertEquals("input", ro.outputLayer().source(SourceRole.R).from());
        assertNull(ro.outputLayer().source(SourceRole.R).fromLayer());
        assertFalse(ro.outputLayer().source(SourceRole.R).fromPrevious());

        NetworkSpec syn = example("synthetic-context.json");
        assertEquals(64, syn.features());
        assertEquals(20, syn.layers().get(0).neurons());
        assertEquals(5, syn.training().epochs());
    }

    @Test
    void defaultsApplyWhenKeysAreLeftOut() {
        String min = """
            {"format": "infomorph-network/1", "name": "m", "features": 4, "classes": 2,
             "layers": [{"name": "out", "neurons": 2,
               "sources": {"R": {"from": "input", "size": 4, "mask": "dense"}, "C": {"from": "label", "size": 2, "mask": "identity"}},
               "activation": {"kind": "graetz", "k1": 1}, "goal": "output", "binning": {"kind": "adaptive"},
               "optimizer": {"kind": "adam", "lr": 0.003}}]}""";
        NetworkSpec s = NetworkJson.parse(min, "min.json");
        assertEquals(1, s.steps());
        assertEquals(new TrainingSpec(1024, 100, 30), s.training());
        LayerSpec l = s.outputLayer();
        assertTrue(l.bias());
        assertEquals(new ActivationSpec.Graetz(1, 2), l.activation());
        assertEquals(BinningSpec.adaptive(20), l.binning());
        assertEquals(OptimizerSpec.adam(0.003, 0), l.optimizer());
        assertEquals(-1, l.outputValues()[0]);
        assertEquals(1, l.outputValues()[1]);
        assertFalse(l.source(SourceRole.C).resetToMask());
    }
}
