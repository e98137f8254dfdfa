package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.LatticeTables;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

/**
 * The static schedule of one sample and of one batch boundary: a list of phases, each a layer
 * (and step) with its cycles and multiply-accumulates, all units working in parallel on their
 * neuron slots.
 *
 * @param sample   the phases of an inference sample
 * @param learning the extra phases of a learning sample (gradient accumulation, histogram)
 * @param boundary the phases of a batch boundary (coefficient table, updates)
 */
public record Schedule(List<Phase> sample, List<Phase> learning, List<Phase> boundary) {
    /** @param macs multiply-accumulates of the phase over all units (the DSP work) */
    public record Phase(String name, long cycles, long macs) {}

    public long sampleCycles() {
        return sample.stream().mapToLong(Phase::cycles).sum();
    }

    public long learningSampleCycles() {
        return sampleCycles() + learning.stream().mapToLong(Phase::cycles).sum();
    }

    public long boundaryCycles() {
        return boundary.stream().mapToLong(Phase::cycles).sum();
    }

    public long sampleMacs() {
        return sample.stream().mapToLong(Phase::macs).sum();
    }

    public static Schedule of(NetworkSpec net, ArchConfig arch, Mapping mapping, CycleModel cm) {
        List<Phase> sample = new ArrayList<>(), learning = new ArrayList<>(), boundary = new ArrayList<>();
        boolean[] early = earlySteps(net);
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec layer = net.layers().get(l);
            long slots = mapping.slots().get(l);
            long fanIn = 0, params = 0;
            for (SourceSpec s : layer.sources()) {
                fanIn += s.size();
                if (!s.resetToMask()) params += s.size() + (layer.bias() ? 1 : 0);
            }
            int steps = early[l] ? net.steps() : 1;
            for (int step = net.steps() - steps + 1; step <= net.steps(); step++)
                sample.add(new Phase(layer.name() + (net.steps() > 1 ? " step " + step : ""),
                        slots * (fanIn + cm.activateCycles()) + cm.layerFillCycles(), (long) layer.neurons() * fanIn));
            if (mapping.mode() == Mode.LEARN) {
                learning.add(new Phase(layer.name() + " gradients", slots * (params + cm.histogramCycles()) + cm.layerFillCycles(),
                        (long) layer.neurons() * params));
                boundary.add(new Phase(layer.name() + " table", slots * tableCycles(layer.sourceCount(), arch, cm), 0));
                boundary.add(new Phase(layer.name() + " update", slots * (params * cm.updateCycles() + layer.sourceCount()), 0));
            }
        }
        return new Schedule(sample, learning, boundary);
    }

    /** Layers that run at every step: those read through previous:, and what feeds them. */
    static boolean[] earlySteps(NetworkSpec net) {
        boolean[] early = new boolean[net.layers().size()];
        for (LayerSpec l : net.layers())
            for (SourceSpec s : l.sources()) if (s.fromPrevious()) early[net.layerIndex(s.fromLayer())] = true;
        for (int i = early.length - 1; i >= 0; i--)
            if (early[i]) for (SourceSpec s : net.layers().get(i).sources()) if (s.fromLayer() != null && !s.fromPrevious()) early[net.layerIndex(s.fromLayer())] = true;
        return early;
    }

    /**
     * Cycles of one neuron's coefficient table (docs/llu-rule.md section 5): marginals of every
     * source subset, then per cell and antichain the union terms and two logs, and for antichains
     * of two or more sets the divisions of Q and the union terms of R, for both target values.
     */
    static long tableCycles(int sources, ArchConfig arch, CycleModel cm) {
        long cells = 1;
        for (int k = 0; k < sources; k++) cells *= arch.bins();
        LatticeTables lt = LatticeTables.of(sources);
        long perCell = 2L * ((1 << sources) - 1); // marginal accumulation, both target values
        int divide = arch.numerics().q().frac() + cm.divideExtraCycles();
        for (int a = 0; a < lt.size(); a++) {
            int terms = lt.masks()[a].length;
            perCell += 2L * (terms + cm.logCycles());
            if (lt.sizes()[a] >= 2) perCell += 2L * (divide + terms);
        }
        return cells * perCell;
    }
}
