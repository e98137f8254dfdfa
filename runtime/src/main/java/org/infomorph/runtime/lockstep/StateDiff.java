package org.infomorph.runtime.lockstep;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.DeviceState;

/**
 * Field-by-field comparison of two devices' outputs and states. Every compared value is counted,
 * so "no mismatch" is claimed only over values that were actually compared.
 */
public final class StateDiff {
    /** Where a value lives: neuron j is on unit j % units, slot j / units. */
    public record Mismatch(int batch, int sample, String layer, int neuron, int unit, String field, int index, long expected, long actual) {
        public String describe() {
            String where = sample >= 0 ? "sample " + sample + " of batch " + batch : "state after batch " + batch;
            String who = neuron >= 0 ? ", layer " + layer + ", unit " + unit + ", neuron " + neuron : layer.isEmpty() ? "" : ", layer " + layer;
            return where + who + ", field " + field + (index >= 0 ? "[" + index + "]" : "") + ": expected " + expected + ", RTL " + actual;
        }
    }

    private final int units;
    private final int keep;
    private long compared, mismatches;
    private final List<Mismatch> first = new java.util.ArrayList<>();

    /** @param keep how many mismatches to keep in full */
    public StateDiff(int units, int keep) {
        this.units = units;
        this.keep = keep;
    }

    public long compared() {
        return compared;
    }

    public long mismatches() {
        return mismatches;
    }

    public List<Mismatch> first() {
        return List.copyOf(first);
    }

    private void check(int batch, int sample, String layer, int neuron, String field, int index, long e, long a) {
        compared++;
        if (e == a) return;
        mismatches++;
        if (first.size() < keep) first.add(new Mismatch(batch, sample, layer, neuron, neuron >= 0 ? neuron % units : -1, field, index, e, a));
    }

    /** Compares the spikes and output thetas of a batch, sample by sample. */
    public void outputs(int batch, List<String> layers, BatchResult expected, BatchResult actual) {
        int n = expected.classes();
        for (int b = 0; b < expected.batch(); b++) {
            for (int l = 0; l < expected.spikes().size(); l++) {
                int[] e = expected.spikes().get(l), a = actual.spikes().get(l);
                if (e == null) continue;
                int neurons = e.length / expected.batch();
                for (int j = 0; j < neurons; j++) check(batch, b, layers.get(l), j, "spike", -1, e[b * neurons + j], a[b * neurons + j]);
            }
            for (int j = 0; j < n; j++)
                check(batch, b, layers.get(layers.size() - 1), j, "theta", -1, expected.outputTheta()[b * n + j], actual.outputTheta()[b * n + j]);
        }
    }

    /** Compares every array of the two states and every counter. */
    public void state(int batch, DeviceState expected, DeviceState actual) {
        for (int l = 0; l < expected.layers().size(); l++) {
            DeviceState.LayerState e = expected.layers().get(l), a = actual.layers().get(l);
            int n = e.prng().length;
            for (int k = 0; k < e.weights().size(); k++) {
                perNeuron(batch, e.name(), "weight[source " + k + "]", e.weights().get(k), a.weights().get(k), n);
                perNeuron(batch, e.name(), "bias[source " + k + "]", e.biases().get(k), a.biases().get(k), n);
            }
            int sources = e.weights().size();
            for (int g = 0; g < e.gradients().size(); g++) {
                int k = g % sources;
                String kind = g < sources ? "gradient" : "velocity";
                int[] ev = e.gradients().get(g), av = a.gradients().get(g);
                int weights = ev.length - n;
                int size = weights / n;
                for (int i = 0; i < ev.length; i++) {
                    if (i < weights) check(batch, -1, e.name(), i / size, kind + "[source " + k + "]", i % size, ev[i], av[i]);
                    else check(batch, -1, e.name(), i - weights, kind + ".bias[source " + k + "]", -1, ev[i], av[i]);
                }
            }
            perNeuron(batch, e.name(), "count", e.counts(), a.counts(), n);
            perNeuron(batch, e.name(), "softSum", e.softSums(), a.softSums(), n);
            perNeuron(batch, e.name(), "table", e.table(), a.table(), n);
            perNeuron(batch, e.name(), "rangeExp", e.rangeExp(), a.rangeExp(), n);
            perNeuron(batch, e.name(), "maxAbs", e.maxAbs(), a.maxAbs(), n);
            perNeuron(batch, e.name(), "prng", e.prng(), a.prng(), n);
        }
        Map<String, Long> ec = new TreeMap<>(expected.counters()), ac = new TreeMap<>(actual.counters());
        for (String key : new TreeSet<>(ec.keySet()))
            check(batch, -1, "", -1, "counter " + key, -1, ec.get(key), ac.getOrDefault(key, Long.MIN_VALUE));
    }

    private void perNeuron(int batch, String layer, String field, int[] e, int[] a, int neurons) {
        if (e.length != a.length) {
            check(batch, -1, layer, -1, field + ".length", -1, e.length, a.length);
            return;
        }
        int per = e.length / neurons;
        for (int i = 0; i < e.length; i++) check(batch, -1, layer, i / per, field, per == 1 ? -1 : i % per, e[i], a[i]);
    }
}
