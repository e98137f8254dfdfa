package org.infomorph.compiler.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.LayerWeights;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceWeights;
import org.infomorph.compiler.network.TrainedNetwork;
import org.junit.jupiter.api.Test;

class PostTrainingQuantiserTest {
    private final NetworkSpec spec = NetworkJson.read(Path.of("../examples/synthetic-context.json"));

    @Test
    void scaleIsTheLargestPowerOfTwoThatHoldsTheLargestWeight() {
        assertEquals(7, PostTrainingQuantiser.fracFor(0.9, 8)); // |w| < 1: 8-bit, 7 fraction bits
        assertEquals(7, PostTrainingQuantiser.fracFor(1.0, 8)); // 1.0 itself clips to 127/128
        assertEquals(9, PostTrainingQuantiser.fracFor(0.2, 8)); // < 0.25
        assertEquals(6, PostTrainingQuantiser.fracFor(1.5, 8));
    }

    @Test
    void weightsRoundHalfUpAtThatScaleAndTheIdentityContextStaysOne() {
        TrainedNetwork net = NetworkInit.initial(spec, 1);
        PostTrainingQuantiser.Result r = PostTrainingQuantiser.quantise(net, ArchConfig.defaults(), 1);
        ImageSource hiddenR = r.image().layers().get(0).sources().get(0);
        double[] w = net.layers().get(0).sources().get(0).w();
        int over = 0;
        for (int i = 0; i < w.length; i++) {
            long q = Math.round(Math.scalb(w[i], hiddenR.weightFrac()));
            if (q > 127 || q < -127) over++;
            // symmetric clamp: -128 is the array's mask code
            assertEquals(Math.max(-127, Math.min(127, q)), hiddenR.w()[i], "weight " + i);
        }
        assertEquals(over, r.tensors().get(0).clippedWeights(), "weights that round beyond +-127 clip and are counted");
        ImageSource ctx = r.image().layers().get(1).sources().get(1);
        assertTrue(ctx.fixed());
        for (int i = 0; i < ctx.w().length; i++) assertEquals(ctx.mask()[i] << ctx.weightFrac(), ctx.w()[i]);
    }

    @Test
    void aFormatThatZeroesMostWeightsIsRefused() {
        TrainedNetwork net = NetworkInit.initial(spec, 1);
        // one outlier forces a coarse scale at which the small weights round to 0
        SourceWeights r = net.layers().get(0).sources().get(0);
        double[] w = r.w().clone();
        w[0] = 50.0;
        TrainedNetwork skewed = new TrainedNetwork(spec, List.of(
                new LayerWeights(List.of(new SourceWeights(r.neurons(), r.size(), w, r.b()), net.layers().get(0).sources().get(1))),
                net.layers().get(1)));
        Numerics n = ArchConfig.defaults().numerics();
        Numerics narrow = new Numerics(n.input(), 4, n.weightHeadroomBits(), n.biasBits(), n.accumulatorBits(), n.activation(), n.theta(),
                n.slope(), n.count(), n.softSum(), n.log2(), n.q(), n.coefficient(), n.table(), n.error(), n.gradientBits());
        String m = assertThrows(InvalidInputException.class,
                () -> PostTrainingQuantiser.quantise(skewed, ArchConfig.defaults().withNumerics(narrow), 1)).getMessage();
        assertTrue(m.contains("layers[0].sources.R") && m.contains("use more weight bits"), m);
    }
}
