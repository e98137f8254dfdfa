package org.infomorph.compiler.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.targets.Targets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CompilationTest {
    private static final NetworkSpec CONTEXT = NetworkJson.read(Path.of("../examples/context.json"));

    @ParameterizedTest
    @ValueSource(strings = {"verilator", "ice40up5k-icebreaker", "ecp5-85f-ulx3s", "xc7a35t-arty-a7"})
    void theContextNetworkCompilesForInferenceOnEveryBuiltInTarget(String target) {
        Compilation c = Compilation.of(CONTEXT, ArchConfig.defaults(), Targets.builtIn(target), Mode.INFER);
        assertTrue(c.fits(), target + ": " + c.problems());
        // every neuron has a unit and a slot; slots cover the layer
        for (int l = 0; l < CONTEXT.layers().size(); l++)
            assertTrue((long) c.mapping().slots().get(l) * c.mapping().units() >= CONTEXT.layers().get(l).neurons());
        // the DSP bound is the MACs over the lanes; the schedule adds the shared engine's per-neuron
        // work (not overlapped with the MACs: docs/llu-array.md). On a small array the MACs
        // dominate; on a wide one the engine does, and more lanes stop paying
        Estimates e = c.estimates();
        assertEquals(100L * 794 + 10L * 110, e.macsPerSample());
        assertEquals((e.macsPerSample() + c.mapping().units() - 1) / c.mapping().units(), e.dspBoundCycles());
        assertTrue(e.ratioToDspBound() >= 1.0, target + " ratio " + e.ratioToDspBound());
        if (c.mapping().units() <= 8) assertTrue(e.ratioToDspBound() <= 1.5, target + " ratio " + e.ratioToDspBound());
        c.target().dsp().count().ifPresent(n -> assertTrue(c.mapping().units() <= n));
    }

    @Test
    void ice40HoldsTheWeightsButNotOnChipLearningAndSaysWhatToChange() {
        Compilation c = Compilation.of(CONTEXT, ArchConfig.defaults(), Targets.builtIn("ice40up5k-icebreaker"), Mode.LEARN);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FitAdvisor.requireFit(c));
        String first = e.getMessage().lines().findFirst().orElseThrow();
        // the learning memories (histograms, tables) overflow the 30 EBR; inference is the way out
        assertTrue(first.contains("ice40up5k-icebreaker has") && first.contains("ebr") && first.contains("--mode infer"), first);
        Compilation infer = Compilation.of(CONTEXT, ArchConfig.defaults(), Targets.builtIn("ice40up5k-icebreaker"), Mode.INFER);
        Allocation lanes = infer.mapping().allocations().stream().filter(a -> a.array().name().startsWith("lane")).findFirst().orElseThrow();
        assertEquals("spram", lanes.memory());
        assertEquals(2, infer.mapping().generator().lanesPerWord(), "two 8-bit weights per 16-bit SPRAM word");
    }

    @Test
    void theContextNetworkLearnsOnTheEcp5AndTheArtix() {
        for (String t : new String[] {"ecp5-85f-ulx3s", "xc7a35t-arty-a7"}) {
            Compilation c = Compilation.of(CONTEXT, ArchConfig.defaults(), Targets.builtIn(t), Mode.LEARN);
            assertTrue(c.fits(), t + ": " + c.problems());
            assertTrue(c.mapping().units() > 1, t);
        }
    }

    @Test
    void aSmallerFirstLayerIsSuggestedWhenItWouldFit() {
        NetworkSpec wide = FitAdvisor.withNeurons(CONTEXT, 0, 1000);
        Compilation c = Compilation.of(wide, ArchConfig.defaults(), Targets.builtIn("xc7a35t-arty-a7"), Mode.LEARN);
        String m = assertThrows(InvalidInputException.class, () -> FitAdvisor.requireFit(c)).getMessage();
        int h = FitAdvisor.largestFirstLayer(wide, ArchConfig.defaults(), c.target(), Mode.LEARN, 999).orElseThrow();
        assertTrue(h >= 100 && m.contains("use <= " + h + " hidden neurons"), h + ": " + m);
        assertTrue(Compilation.of(FitAdvisor.withNeurons(wide, 0, h), ArchConfig.defaults(), c.target(), Mode.LEARN).fits());
        assertTrue(!Compilation.of(FitAdvisor.withNeurons(wide, 0, h + 1), ArchConfig.defaults(), c.target(), Mode.LEARN).fits());
    }

    @Test
    void verilatorRunsTheConfiguredArraySizeAndLearns() {
        Compilation c = Compilation.of(CONTEXT, ArchConfig.defaults(), Targets.builtIn("verilator"), Mode.LEARN);
        assertTrue(c.fits());
        assertTrue(c.mapping().units() <= 16);
        assertTrue(c.estimates().learningSampleCycles() > c.estimates().sampleCycles());
        assertTrue(c.estimates().boundaryCycles() > 0);
    }
}
