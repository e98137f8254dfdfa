package org.infomorph.runtime.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.lockstep.Lockstep;

/**
 * Small random networks for the RTL property tests: 1 or 2 layers, Graetz (2 sources) or
 * Schneider (3 sources, a lateral previous: source), input/label/layer/previous wiring, random
 * activation constants and random goal vectors (so every antichain's beta is non-zero).
 */
final class RandomNetworks {
    private RandomNetworks() {}

    static NetworkSpec network(SplittableRandom r) {
        int features = r.nextInt(3, 13), classes = r.nextInt(2, 5);
        boolean two = r.nextBoolean(), lateral = r.nextBoolean();
        int hidden = two ? r.nextInt(1, 8) : classes; // a single layer is the output layer
        boolean feedback = two && !lateral && r.nextInt(3) == 0;
        int steps = lateral || feedback ? 2 : 1;
        List<String> layers = new ArrayList<>();
        String hc = feedback ? source("C", "previous:out", classes, "dense", false) : source("C", "label", classes, "dense", false);
        String hl = lateral ? ", " + source("L", "previous:h", hidden, r.nextBoolean() ? "dense" : "no_self", false) : "";
        layers.add(layer("h", hidden, r.nextBoolean(), source("R", "input", features, "dense", false) + ", " + hc + hl, lateral, r));
        if (two) {
            boolean identity = r.nextBoolean();
            String oc = source("C", "label", classes, identity ? "identity" : "dense", identity);
            layers.add(layer("out", classes, r.nextBoolean(), source("R", "layer:h", hidden, "dense", false) + ", " + oc, false, r));
        }
        String json = String.format(Locale.ROOT, """
                {"format": "infomorph-network/1", "name": "random", "features": %d, "classes": %d, "steps": %d,
                 "training": {"batchSize": 8, "epochs": 1, "seed": %d}, "layers": [%s]}""",
                features, classes, steps, r.nextInt(1000), String.join(", ", layers));
        return NetworkJson.parse(json, "random-network");
    }

    private static String source(String role, String from, int size, String mask, boolean reset) {
        return String.format(Locale.ROOT, "\"%s\": {\"from\": \"%s\", \"size\": %d, \"mask\": \"%s\"%s}", role, from, size, mask,
                reset ? ", \"resetToMask\": true" : "");
    }

    private static String layer(String name, int neurons, boolean bias, String sources, boolean schneider, SplittableRandom r) {
        String act = schneider
                ? String.format(Locale.ROOT, "{\"kind\": \"schneider\", \"c1\": %.3f, \"c2\": %.3f, \"w1\": %.3f, \"w2\": %.3f}",
                        r.nextDouble(0, 0.4), r.nextDouble(0, 0.4), r.nextDouble(0.5, 3), r.nextDouble(0.5, 3))
                : String.format(Locale.ROOT, "{\"kind\": \"graetz\", \"k1\": %.3f, \"k2\": %.3f}", r.nextDouble(0, 1), r.nextDouble(0.5, 3));
        int atoms = schneider ? 19 : 5;
        StringBuilder goal = new StringBuilder("[");
        for (int i = 0; i < atoms; i++) goal.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", r.nextDouble(-1, 1)));
        goal.append(']');
        return String.format(Locale.ROOT, """
                {"name": "%s", "neurons": %d, "bias": %b, "sources": {%s}, "activation": %s, "goal": %s,
                 "binning": {"kind": "adaptive", "bins": 8}, "outputValues": [-1, 1],
                 "optimizer": {"kind": "adam", "lr": 0.01, "weightDecay": 0}}""", name, neurons, bias, sources, act, goal);
    }

    /** Learning batches (random inputs over the whole input range, random labels), then inference batches. */
    static List<Lockstep.Step> steps(NetworkSpec net, int batch, int inputBits, int learn, int infer, SplittableRandom r) {
        List<Lockstep.Step> out = new ArrayList<>();
        int half = 1 << (inputBits - 1);
        for (int s = 0; s < learn + infer; s++) {
            int[] x = new int[batch * net.features()], y = new int[batch];
            for (int i = 0; i < x.length; i++) x[i] = r.nextInt(-half, half);
            for (int b = 0; b < batch; b++) y[b] = r.nextInt(net.classes());
            boolean learning = s < learn;
            out.add(new Lockstep.Step(learning, new InputBatch(batch, net.features(), x, learning || r.nextBoolean() ? y : null)));
        }
        return out;
    }
}
