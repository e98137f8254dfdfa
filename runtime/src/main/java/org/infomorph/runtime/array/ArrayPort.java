package org.infomorph.runtime.array;

import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.sim.SimRegions;

/**
 * A transport to the LLU array's host port (docs/llu-rtl.md, "Host port"): the in-process
 * Verilator model ({@link org.infomorph.runtime.sim.SimModel}) or a board over a serial link.
 * Every call is one or more host-port commands; failures are unchecked exceptions with a one-line
 * message.
 */
public interface ArrayPort extends AutoCloseable {
    /** WRITE commands of {@code data} to consecutive words from {@code word}. */
    void write(int region, int unit, int word, long[] data);

    /** READ commands of {@code n} consecutive words from {@code word}. */
    long[] read(int region, int unit, int word, int n);

    /** Issues RUN, BOUNDARY or PASS2 and waits until the array is ready again: the cycles it took. */
    long command(int op, long arg);

    /** Resets the array (holds reset for a few cycles). */
    void reset();

    /** Clock cycles so far (a transport-defined origin; differences are what count). */
    long cycles();

    /**
     * A batch: per sample b, the features {@code x[b*features ..]} to INPUT, {@code LABEL} =
     * {@code labels[b]} (or -1 when {@code labels} is null), RUN with {@code runArg | b << 16}, then
     * {@code outWords} words of OUT from {@code outWord} into {@code out[b*outWords ..]};
     * {@code cyclesPerSample[b]} (may be null) = the RUN's cycles. Transports override it to keep
     * the loop on their side.
     *
     * @return the cycles of the RUN commands (a transport may count its transfers too)
     */
    default long runBatch(int[] x, int features, int[] labels, long runArg, int outWord, int outWords, long[] out, long[] cyclesPerSample) {
        int batch = features == 0 ? (labels != null ? labels.length : 0) : x.length / features;
        long total = 0;
        for (int b = 0; b < batch; b++) {
            long[] words = new long[features];
            for (int i = 0; i < features; i++) words[i] = x[b * features + i];
            write(SimRegions.INPUT, 0, 0, words);
            write(SimRegions.CONFIG, 0, RtlLayout.LABEL, new long[] {labels == null ? -1 : labels[b]});
            long c = command(SimRegions.OP_RUN, runArg | (long) b << SimRegions.RUN_SAMPLE_SHIFT);
            if (cyclesPerSample != null) cyclesPerSample[b] = c;
            total += c;
            System.arraycopy(read(SimRegions.OUT, 0, outWord, outWords), 0, out, b * outWords, outWords);
        }
        return total;
    }

    @Override
    void close();
}
