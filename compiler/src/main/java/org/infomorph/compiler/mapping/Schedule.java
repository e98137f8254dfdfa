package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.rtl.RtlCycles;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.compiler.arch.ArchConfig;
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

    /**
     * The schedule of the generated RTL, exactly (org.infomorph.compiler.rtl.RtlCycles): per program
     * entry of a sample, its inference cycles and its learning extra (errors and gradients); per
     * layer, its table and update phases at the batch boundary; plus the commands' own cycles.
     */
    public static Schedule of(NetworkSpec net, ArchConfig arch, Mapping mapping) {
        List<Phase> sample = new ArrayList<>(), learning = new ArrayList<>(), boundary = new ArrayList<>();
        int units = mapping.units();
        List<RtlCycles.Run> runs = RtlCycles.runs(net, arch, units);
        List<RtlLayout.Entry> program = RtlLayout.program(net);
        for (int e = 0; e < runs.size(); e++) {
            LayerSpec layer = net.layers().get(program.get(e).layer());
            long fanIn = layer.sources().stream().mapToLong(SourceSpec::size).sum(), params = 0;
            for (SourceSpec s : layer.sources()) if (!s.resetToMask()) params += s.size() + (layer.bias() ? 1 : 0);
            sample.add(new Phase(runs.get(e).name(), runs.get(e).infer(), (long) layer.neurons() * fanIn));
            if (mapping.mode() == Mode.LEARN && runs.get(e).learn() > 0)
                learning.add(new Phase(runs.get(e).name() + " gradients", runs.get(e).learn(), (long) layer.neurons() * params));
        }
        sample.add(new Phase("RUN command", 3, 0));
        if (mapping.mode() == Mode.LEARN) {
            for (RtlCycles.Boundary b : RtlCycles.boundaries(net, arch, units)) {
                boundary.add(new Phase(b.name() + " table", b.table(), 0));
                boundary.add(new Phase(b.name() + " update", b.update(), 0));
            }
            boolean same = arch.learning().table() == TableMode.SAME_BATCH;
            boundary.add(new Phase("BOUNDARY command" + (same ? "s" : ""), same ? 6 : 4, 0));
            if (same) boundary.add(new Phase("PASS2 x " + arch.learning().batchSize(), (long) arch.learning().batchSize() * RtlCycles.pass2(net, arch, units), 0));
        }
        return new Schedule(sample, learning, boundary);
    }

}
