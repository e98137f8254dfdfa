package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.IntPredicate;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.targets.TargetDescriptor;

/**
 * Turns a compilation that does not fit into one clear error per resource, each with the
 * smallest changes that would fit: narrower values of that resource, fewer neurons in the first
 * layer, or inference only. Also finds the largest first layer that fits, for {@code fit}.
 */
public final class FitAdvisor {
    private FitAdvisor() {}

    /** Throws an {@link InvalidInputException} listing every problem with its suggestions, unless it fits. */
    public static void requireFit(Compilation c) {
        if (c.fits()) return;
        List<String> lines = new ArrayList<>();
        for (Compilation.Problem p : c.problems()) lines.add(p.resource() + " " + p.need() + ", " + p.capacity() + ": " + suggest(c, p));
        throw new InvalidInputException(String.join("\n", lines));
    }

    static String suggest(Compilation c, Compilation.Problem p) {
        List<String> options = new ArrayList<>();
        Numerics n = c.arch().numerics();
        IntPredicate weightsFit = w -> fits(c, c.network(), c.arch().withNumerics(n.withWeightBits(w)), c.mapping().mode());
        if (p.resource().startsWith("lane")) largest(2, n.weightBits() - 1, weightsFit).ifPresent(w -> options.add("use <= " + w + "-bit weights"));
        largestFirstLayer(c.network(), c.arch(), c.target(), c.mapping().mode(), c.network().layers().get(0).neurons() - 1)
                .ifPresent(h -> options.add("use <= " + h + " " + c.network().layers().get(0).name() + " neurons"));
        if (c.mapping().mode() == Mode.LEARN && fits(c, c.network(), c.arch(), Mode.INFER)) options.add("compile with --mode infer (no on-chip learning)");
        return options.isEmpty() ? "no smaller variant of this network fits this target; pick a larger target" : String.join(" or ", options);
    }

    /** The largest neuron count of the first layer (at most {@code max}) with which the network fits. */
    public static OptionalInt largestFirstLayer(NetworkSpec net, ArchConfig arch, TargetDescriptor t, Mode mode, int max) {
        return largest(1, max, h -> fits(withNeurons(net, 0, h), arch, t, mode));
    }

    private static boolean fits(Compilation c, NetworkSpec net, ArchConfig arch, Mode mode) {
        return fits(net, arch, c.target(), mode);
    }

    /** Whether the network fits; a network too large for any array's address space does not. */
    static boolean fits(NetworkSpec net, ArchConfig arch, TargetDescriptor t, Mode mode) {
        try {
            return Compilation.of(net, arch, t, mode).fits();
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** Largest v in [lo, hi] with ok(v), assuming ok is monotone (true up to some point). */
    static OptionalInt largest(int lo, int hi, IntPredicate ok) {
        if (hi < lo || !ok.test(lo)) return OptionalInt.empty();
        while (lo < hi) {
            int mid = lo + (hi - lo + 1) / 2;
            if (ok.test(mid)) lo = mid;
            else hi = mid - 1;
        }
        return OptionalInt.of(lo);
    }

    /** The network with layer {@code index} resized to {@code n} neurons, and every source reading it resized too. */
    public static NetworkSpec withNeurons(NetworkSpec net, int index, int n) {
        String name = net.layers().get(index).name();
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < net.layers().size(); i++) {
            LayerSpec l = net.layers().get(i);
            List<SourceSpec> sources = new ArrayList<>();
            for (SourceSpec s : l.sources())
                sources.add(name.equals(s.fromLayer()) ? new SourceSpec(s.role(), s.from(), n, s.mask(), s.resetToMask()) : s);
            layers.add(new LayerSpec(l.name(), i == index ? n : l.neurons(), sources, l.activation(), l.goal(), l.binning(), l.outputValues(),
                    l.optimizer(), l.bias()));
        }
        return new NetworkSpec(net.name(), net.features(), net.classes(), net.steps(), layers, net.training());
    }
}
