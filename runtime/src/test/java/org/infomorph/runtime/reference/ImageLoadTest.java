package org.infomorph.runtime.reference;

import org.infomorph.runtime.device.SpikeRule;

import org.infomorph.runtime.device.InputBatch;

import org.infomorph.runtime.device.BatchResult;

import static org.junit.jupiter.api.Assertions.assertEquals;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.ImageLayer;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.network.ActivationSpec;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.junit.jupiter.api.Test;

/** Inconsistent images are rejected at load with one line naming the layer, source and field. */
class ImageLoadTest {
    static final NetworkSpec SPEC = NetworkJson.read(Path.of("../examples/synthetic-context.json"));

    static String reject(Image image) {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new ReferenceDevice().load(image));
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    static Image withSource(Image img, int layer, int source, UnaryOperator<ImageSource> edit) {
        List<ImageLayer> layers = new ArrayList<>(img.layers());
        List<ImageSource> srcs = new ArrayList<>(layers.get(layer).sources());
        srcs.set(source, edit.apply(srcs.get(source)));
        layers.set(layer, new ImageLayer(layers.get(layer).name(), srcs));
        return new Image(img.network(), img.arch(), layers, img.seed());
    }

    @Test
    void wellFormedImageLoads() {
        new ReferenceDevice().load(ImageFactory.fromScratch(SPEC, ArchConfig.defaults(), 1));
    }

    @Test
    void wrongArraySize() {
        Image img = withSource(ImageFactory.fromScratch(SPEC, ArchConfig.defaults(), 1), 0, 1,
                s -> new ImageSource(s.neurons(), 9, s.weightFrac(), new int[s.neurons() * 9], s.b(), new int[s.neurons() * 9], s.fixed()));
        String m = reject(img);
        assertTrue(m.contains("layer hidden source C") && m.contains("arrays"), m);
    }

    @Test
    void weightFracOutOfRange() {
        Image img = withSource(ImageFactory.fromScratch(SPEC, ArchConfig.defaults(), 1), 1, 0,
                s -> new ImageSource(s.neurons(), s.size(), 40, s.w(), s.b(), s.mask(), s.fixed()));
        String m = reject(img);
        assertTrue(m.contains("layer output source R") && m.contains("weightFrac"), m);
    }

    @Test
    void maskedWeightNotZero() {
        Image img = withSource(ImageFactory.fromScratch(SPEC, ArchConfig.defaults(), 1), 1, 1, s -> {
            int[] w = s.w().clone();
            w[1] = 3;
            return new ImageSource(s.neurons(), s.size(), s.weightFrac(), w, s.b(), s.mask(), s.fixed());
        });
        assertTrue(reject(img).contains("w[1]"));
    }

    @Test
    void aNarrowAccumulatorShiftsTheProductsInsteadOfOverflowing() {
        Numerics d = Numerics.defaults();
        ArchConfig narrow = ArchConfig.defaults().withNumerics(new Numerics(d.input(), d.weightBits(), d.weightHeadroomBits(), 8, 16,
                d.activation(), d.theta(), d.slope(), d.count(), d.softSum(), d.log2(), d.q(), d.coefficient(), d.table(), d.error(), d.gradientBits()));
        // fan-in 64: 64 * 128 * 128 + 128 = 1,048,704 needs 21 magnitude bits plus a sign: 22, so 16 bits need a shift of 6
        assertEquals(6, narrow.numerics().productShift(64));
        assertEquals(0, ArchConfig.defaults().numerics().productShift(784));
        ReferenceDevice dev = new ReferenceDevice();
        dev.load(ImageFactory.fromScratch(SPEC, narrow, 1));
        BatchResult r = dev.infer(new InputBatch(1, SPEC.features(), new int[SPEC.features()], null), SpikeRule.DETERMINISTIC);
        assertEquals(SPEC.classes(), r.outputTheta().length);
    }

    @Test
    void kayPhillipsRejected() {
        List<LayerSpec> layers = new ArrayList<>(SPEC.layers());
        LayerSpec l = layers.get(0);
        layers.set(0, new LayerSpec(l.name(), l.neurons(), l.sources(), new ActivationSpec.KayPhillips(0.5, 1), l.goal(), l.binning(),
                l.outputValues(), l.optimizer(), l.bias()));
        NetworkSpec spec = new NetworkSpec(SPEC.name(), SPEC.features(), SPEC.classes(), SPEC.steps(), layers, SPEC.training());
        String m = reject(ImageFactory.fromScratch(spec, ArchConfig.defaults(), 1));
        assertTrue(m.contains("layer hidden") && m.contains("kay-phillips"), m);
    }
}
