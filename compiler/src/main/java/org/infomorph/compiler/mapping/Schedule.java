package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
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
        List<RtlCycles.Run> runs = RtlCycles.runs(net, arch, units, false);
        List<RtlLayout.Entry> program = RtlLayout.program(net);
        for (int e = 0; e < runs.size(); e++) {
            LayerSpec layer = net.layers().get(program.get(e).layer());
            long fanIn = layer.sources().stream().mapToLong(SourceSpec::size).sum(), params = 0;
            for (SourceSpec s : layer.sources()) if (!s.resetToMask()) params += s.size() + (layer.bias() ? 1 : 0);
            sample.add(new Phase(runs.get(e).name(), runs.get(e).infer(), (long) layer.neurons() * fanIn));
            if (mapping.mode() == Mode.LEARN && runs.get(e).learn() > runs.get(e).infer())
                learning.add(new Phase(runs.get(e).name() + " slopes, histogram, updates", runs.get(e).learn() - runs.get(e).infer(),
                        (long) layer.neurons() * params));
        }
        long overhead = RtlCycles.run(net, arch, units, false, false) - runs.stream().mapToLong(RtlCycles.Run::infer).sum();
        sample.add(new Phase("RUN command", overhead, 0));
        if (mapping.mode() == Mode.LEARN) {
            long sum = 0;
            for (RtlCycles.Boundary b : RtlCycles.boundaries(net, arch, units)) {
                boundary.add(new Phase(b.name() + " tables and ranges", b.cycles(), 0));
                sum += b.cycles();
            }
            boundary.add(new Phase("BOUNDARY command", RtlCycles.boundary(net, arch, units) - sum, 0));
        }
        return new Schedule(sample, learning, boundary);
    }

}
