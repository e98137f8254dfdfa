package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.Numerics;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

/**
 * The logical arrays an LLU array of {@code units} units needs for a network, all derived from
 * the architecture configuration. Per-unit arrays have one lane per unit; a unit's lane holds
 * the state of its neuron slots of every layer, one after the other.
 */
public final class ArrayPlan {
    private ArrayPlan() {}

    public static List<LogicalArray> of(NetworkSpec net, ArchConfig arch, int units, Mode mode) {
        Numerics n = arch.numerics();
        long weights = 0, biases = 0, neurons = 0, params = 0, cells = 0, sources = 0;
        long spikes = 0;
        for (int l = 0; l < net.layers().size(); l++) {
            LayerSpec layer = net.layers().get(l);
            long slots = slots(layer.neurons(), units);
            long c = 1;
            for (int k = 0; k < layer.sourceCount(); k++) c *= arch.bins();
            neurons += slots;
            cells += slots * c;
            sources += slots * layer.sourceCount();
            for (SourceSpec s : layer.sources()) {
                weights += slots * s.size();
                biases += slots;
                if (!s.resetToMask()) params += slots * (s.size() + (layer.bias() ? 1 : 0));
            }
            if (l < net.layers().size() - 1) spikes += 2L * layer.neurons(); // current and previous step
        }
        List<LogicalArray> arrays = new ArrayList<>();
        arrays.add(new LogicalArray("weights", units, weights, n.weightBits()));
        arrays.add(new LogicalArray("biases", units, biases, n.biasBits()));
        arrays.add(new LogicalArray("prng", units, neurons, arch.prng().bits()));
        arrays.add(new LogicalArray("sigmoid-lut", 1, arch.luts().sigmoidEntries(), n.theta().bits()));
        arrays.add(new LogicalArray("input-buffer", 1, 2L * net.features(), n.input().bits()));
        arrays.add(new LogicalArray("spike-buffer", 1, Math.max(1, spikes), 1));
        if (mode == Mode.LEARN) {
            arrays.add(new LogicalArray("gradients", units, params, n.gradientBits()));
            if (arch.learning().momentumShift() > 0) arrays.add(new LogicalArray("momentum", units, params, n.gradientBits()));
            arrays.add(new LogicalArray("histogram", units, cells, n.count().bits() + n.softSum().bits()));
            arrays.add(new LogicalArray("table", units, cells, n.table().bits()));
            arrays.add(new LogicalArray("ranges", units, sources, 8 + n.activation().bits()));
            if (arch.luts().log2MantissaEntries() > 0)
                arrays.add(new LogicalArray("log2-lut", 1, arch.luts().log2MantissaEntries() + 1L, n.log2().frac() + 1));
            if (arch.learning().table() == TableMode.SAME_BATCH) {
                int cellBits = 32 - Integer.numberOfLeadingZeros((int) Math.max(1, cells));
                arrays.add(new LogicalArray("pass-two", units, neurons * arch.learning().batchSize(), cellBits + 3 * n.slope().bits()));
            }
        }
        return arrays;
    }

    public static int slots(int neurons, int units) {
        return (neurons + units - 1) / units;
    }
}
