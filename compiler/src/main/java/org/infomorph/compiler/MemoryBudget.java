package org.infomorph.compiler;

import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.SourceSpec;

/**
 * Refuses, before anything is allocated, a network this JVM cannot hold: an estimate of the bytes a
 * level needs against the heap still free. The estimates are upper bounds per weight and per
 * activation, so a network that passes has room; one that does not gets one line with the need,
 * the heap and the changes that would help, instead of an {@code OutOfMemoryError} after minutes.
 */
public final class MemoryBudget {
    /** Float levels (L0/L1): weights, masks, Adam's two moments, gradients, the initial and final copies: 9 doubles. */
    static final long FLOAT_BYTES_PER_WEIGHT = 72;
    /** Per activation of a batch (sums, slopes, theta, spikes and their gradients per source): 8 doubles. */
    static final long FLOAT_BYTES_PER_ACTIVATION = 64;
    /** The integer model (L2) with its image: weights, masks, gradients and velocities, plus the float start. */
    static final long FIXED_BYTES_PER_WEIGHT = 48;
    /** Per histogram cell of a neuron: count, soft sum, coefficient table and its copy. */
    static final long FIXED_BYTES_PER_CELL = 32;

    private MemoryBudget() {}

    /** Float training or evaluation of {@code net} with batches of {@code batch}. */
    public static void requireFloat(NetworkSpec net, int batch, String file) {
        long bytes = 0;
        for (LayerSpec l : net.layers()) {
            for (SourceSpec s : l.sources()) bytes += FLOAT_BYTES_PER_WEIGHT * ((long) l.neurons() * s.size() + l.neurons());
            bytes += FLOAT_BYTES_PER_ACTIVATION * l.sourceCount() * (long) batch * l.neurons() * net.steps();
        }
        require(bytes, "float training with batch " + batch, file);
    }

    /** The integer model (L2) of {@code net} under {@code arch}. */
    public static void requireFixed(NetworkSpec net, ArchConfig arch, String file) {
        long bytes = 0;
        for (LayerSpec l : net.layers()) {
            long cells = 1;
            for (int k = 0; k < l.sourceCount(); k++) cells *= arch.bins();
            for (SourceSpec s : l.sources()) bytes += FIXED_BYTES_PER_WEIGHT * ((long) l.neurons() * s.size() + l.neurons());
            bytes += FIXED_BYTES_PER_CELL * cells * l.neurons();
            bytes += FLOAT_BYTES_PER_ACTIVATION * l.sourceCount() * (long) arch.learning().batchSize() * l.neurons();
        }
        require(bytes, "the integer model", file);
    }

    private static void require(long need, String what, String file) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (need > free * 0.9)
            throw InvalidInputException.at(file, "", "the network needs about " + gib(need) + " for " + what + " but this Java process has "
                    + gib(free) + " free; use fewer neurons or a smaller batch, or give Java more memory (INFOMORPH_JAVA_OPTS=-Xmx"
                    + Math.max(2, (long) Math.ceil(need * 1.5 / (1L << 30))) + "g)");
    }

    private static String gib(long bytes) {
        return String.format("%.1f GiB", bytes / (double) (1L << 30));
    }
}
