package org.infomorph.compiler.image;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigRules;
import org.infomorph.compiler.arch.Field;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.ActivationSpec;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

/**
 * The consistency rules of an image against its network and architecture, checked when it is
 * written, read or loaded into a device: one line per problem, naming the file, layer, source and field.
 */
public final class ImageChecks {
    private ImageChecks() {}

    public static void check(Image image, String file) {
        try {
            check(image);
        } catch (InvalidInputException e) {
            throw new InvalidInputException(file + ": " + e.first());
        }
    }

    public static void check(Image image) {
        ArchConfig arch = image.arch();
        var problems = ArchConfigRules.check(arch);
        if (!problems.isEmpty()) throw new InvalidInputException("image: arch: " + problems.get(0));
        NetworkSpec net = image.network();
        for (int li = 0; li < net.layers().size(); li++) {
            LayerSpec spec = net.layers().get(li);
            ImageLayer il = image.layers().get(li);
            String where = "layer " + spec.name();
            if (!il.name().equals(spec.name())) fail(where, "image layer is named '" + il.name() + "'");
            if (spec.activation() instanceof ActivationSpec.KayPhillips)
                fail(where, "activation kay-phillips (exp) is not supported by the LLU; use graetz or schneider");
            if (il.sources().size() != spec.sourceCount())
                fail(where, "image has " + il.sources().size() + " sources, network " + spec.sourceCount());
            if (li == net.layers().size() - 1 && spec.neurons() != net.classes())
                fail(where, "the output layer has " + spec.neurons() + " neurons but the network " + net.classes() + " classes");
            for (int si = 0; si < spec.sourceCount(); si++) source(arch, net, spec, spec.sources().get(si), il.sources().get(si), where);
        }
    }

    private static void source(ArchConfig arch, NetworkSpec net, LayerSpec layer, SourceSpec ss, ImageSource src, String where) {
        Numerics num = arch.numerics();
        String at = where + " source " + ss.role();
        int expected = switch (ss.from()) {
            case SourceSpec.INPUT -> net.features();
            case SourceSpec.LABEL -> net.classes();
            default -> {
                int idx = net.layerIndex(ss.fromLayer());
                if (idx < 0 || (!ss.fromPrevious() && idx >= net.layerIndex(layer.name())))
                    fail(at, "from '" + ss.from() + "' must name an earlier layer (layer:) or any layer (previous:)");
                yield net.layers().get(idx).neurons();
            }
        };
        if (ss.size() != expected) fail(at, "size " + ss.size() + " does not match its input width " + expected);
        if (src.neurons() != layer.neurons() || src.size() != ss.size())
            fail(at, "arrays are " + src.neurons() + "x" + src.size() + ", expected " + layer.neurons() + "x" + ss.size());
        int wfMax = 30 - num.input().frac();
        if (src.weightFrac() < 0 || src.weightFrac() > wfMax) fail(at, "weightFrac " + src.weightFrac() + " must be in 0.." + wfMax);
        Field wField = num.weight(src.weightFrac()), bField = num.bias(src.weightFrac());
        for (int i = 0; i < src.w().length; i++) {
            if (src.mask()[i] != 0 && src.mask()[i] != 1) fail(at, "mask[" + i + "] = " + src.mask()[i] + " must be 0 or 1");
            if (src.w()[i] < wField.min() || src.w()[i] > wField.max()) fail(at, "w[" + i + "] = " + src.w()[i] + " does not fit weightBits");
            if (src.mask()[i] == 0 && src.w()[i] != 0) fail(at, "w[" + i + "] = " + src.w()[i] + " is masked and must be 0");
        }
        for (int j = 0; j < src.b().length; j++)
            if (src.b()[j] < bField.min() || src.b()[j] > bField.max()) fail(at, "b[" + j + "] = " + src.b()[j] + " does not fit biasBits");
        if (src.fixed() != ss.resetToMask()) fail(at, "fixed = " + src.fixed() + " but resetToMask = " + ss.resetToMask());
        long accMax = (1L << (num.accumulatorBits() - 1)) - 1;
        int shift = num.productShift(ss.size());
        long worst = (((long) ss.size() * (1L << (num.input().bits() - 1)) * (1L << (num.weightBits() - 1))) >> shift) + ((1L << (num.biasBits() - 1)) >> shift);
        if (worst > accMax)
            fail(at, "numerics.accumulatorBits " + num.accumulatorBits() + " cannot hold fan-in " + ss.size()
                    + " x max|x| x max|w| + max|b| = " + worst + "; widen the accumulator");
    }

    private static void fail(String where, String problem) {
        throw new InvalidInputException("image: " + where + ": " + problem);
    }
}
