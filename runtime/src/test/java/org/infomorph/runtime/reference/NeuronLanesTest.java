package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.SplittableRandom;
import jdk.incubator.vector.IntVector;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.fixed.Xorshift32;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Per-sample learning in vector lanes gives the scalar path's bits (docs/llu-rule.md section 6). */
class NeuronLanesTest {
    @Property
    void laneChainsAreXorshift32(@ForAll long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int[] x = new int[NeuronLanes.LANES];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt();
        int[] got = new int[x.length];
        NeuronLanes.next(IntVector.fromArray(IntVector.SPECIES_PREFERRED, x, 0)).intoArray(got, 0);
        for (int i = 0; i < x.length; i++) assertEquals(Xorshift32.next(x[i]), got[i]);
    }

    /** Learning then inference, per-sample rule; {@code zeros}: the share of zero inputs (MNIST has about 80%). */
    static String run(String network, long seed, boolean lanes, double zeros) {
        NetworkSpec spec = NetworkJson.read(Path.of("../examples/" + network));
        ArchConfig arch = ReferenceDeterminismTest.perSample();
        Image image = ImageFactory.fromScratch(spec, arch, seed);
        ReferenceDevice dev = new ReferenceDevice(lanes);
        dev.load(image);
        int batch = arch.learning().batchSize();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < 4; i++) {
            int[] x = new int[batch * spec.features()], y = new int[batch];
            // no zero at all (the lanes draw and step in one loop), or MNIST-like (draws first, steps at non-zero inputs)
            for (int k = 0; k < x.length; k++) x[k] = rng.nextDouble() < zeros ? 0 : rng.nextInt(1, 64) * (rng.nextBoolean() ? 1 : -1);
            for (int b = 0; b < batch; b++) y[b] = rng.nextInt(spec.classes());
            dev.learn(new InputBatch(batch, spec.features(), x, y));
            dev.infer(new InputBatch(batch, spec.features(), x, null), SpikeRule.STOCHASTIC);
        }
        return dev.readState().hash();
    }

    @ParameterizedTest
    @ValueSource(strings = {"context-lateral.json", "context.json", "synthetic-context.json"})
    void lanesEqualScalar(String network) {
        assertTrue(NeuronLayer.LANES, "surefire loads jdk.incubator.vector, so the lanes run");
        for (double zeros : new double[] {0, 0.8})
            assertEquals(run(network, 3, false, zeros), run(network, 3, true, zeros), network + ", zeros " + zeros);
    }
}
