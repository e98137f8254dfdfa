package org.infomorph.runtime.device;

import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.runtime.sim.RtlLockstepProperties;

/**
 * The device tests' image and batches: a 12-5-3 context network (batch 8) in the architecture of
 * the RTL property tests, so the hardware backends share their builds.
 */
public final class DeviceImages {
    private DeviceImages() {}

    private static final String NETWORK = """
            {"format": "infomorph-network/1", "name": "contract", "features": 12, "classes": 3, "steps": 1,
             "training": {"batchSize": 8, "epochs": 1, "seed": 7}, "layers": [
              {"name": "h", "neurons": 5, "bias": true, "sources": {"R": {"from": "input", "size": 12, "mask": "dense"},
               "C": {"from": "label", "size": 3, "mask": "dense"}}, "activation": {"kind": "graetz", "k1": 0.9, "k2": 2},
               "goal": [0.2, 0.5, -0.4, 0.1, 0.3], "binning": {"kind": "adaptive", "bins": 8}, "outputValues": [-1, 1],
               "optimizer": {"kind": "adam", "lr": 0.01, "weightDecay": 0}},
              {"name": "out", "neurons": 3, "bias": true, "sources": {"R": {"from": "layer:h", "size": 5, "mask": "dense"},
               "C": {"from": "label", "size": 3, "mask": "identity", "resetToMask": true}}, "activation": {"kind": "graetz", "k1": 1, "k2": 2},
               "goal": "output", "binning": {"kind": "adaptive", "bins": 8}, "outputValues": [-1, 1],
               "optimizer": {"kind": "adam", "lr": 0.01, "weightDecay": 0}}]}""";

    public static Image contract() {
        ArchConfig arch = RtlLockstepProperties.archA();
        return ImageFactory.fromScratch(NetworkJson.parse(NETWORK, "contract-network"), arch, 11);
    }

    /** Random quantised inputs (and labels) of {@code size} samples. */
    public static InputBatch batch(boolean labels, long seed, int size) {
        SplittableRandom r = new SplittableRandom(seed);
        int bits = RtlLockstepProperties.archA().numerics().input().bits();
        int[] x = new int[size * 12];
        for (int i = 0; i < x.length; i++) x[i] = r.nextInt(-(1 << (bits - 1)), 1 << (bits - 1));
        int[] y = null;
        if (labels) {
            y = new int[size];
            for (int i = 0; i < size; i++) y[i] = r.nextInt(3);
        }
        return new InputBatch(size, 12, x, y);
    }

    /** A full batch (2^batchExp samples). */
    public static InputBatch batch(boolean labels, long seed) {
        return batch(labels, seed, RtlLockstepProperties.archA().learning().batchSize());
    }
}
