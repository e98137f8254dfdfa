package org.infomorph.runtime.device;

import org.infomorph.compiler.image.Image;

/**
 * A machine that runs an {@link Image}: the bit-exact reference model (L2), the Verilator
 * simulation of the RTL (L3) or a board (L4). All backends give the same bits for the same
 * image and inputs; the lockstep checker compares them through this interface.
 */
public interface Device extends AutoCloseable {
    /** Short name of the ladder level: "fixed", "rtl", "board". */
    String level();

    /** Loads weights, constants and seeds; resets histograms, tables, ranges, PRNGs and counters. */
    void load(Image image);

    /** Inference on a batch (no histogram, no update; binning ranges still adapt). */
    BatchResult infer(InputBatch batch, SpikeRule spikes);

    /**
     * One on-chip learning batch: forward with the labels as context, histograms, and at the end
     * the batch boundary (table, updates, ranges). The batch must hold exactly 2^batchExp samples.
     */
    BatchResult learn(InputBatch batch);

    /** The complete state: weights, biases, histograms, tables, ranges, PRNG states, counters. */
    DeviceState readState();

    @Override
    default void close() {}
}
