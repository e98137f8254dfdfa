package org.infomorph.runtime.fpga;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.infomorph.compiler.image.Image;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.compiler.rtl.RtlContract;

/**
 * Measurements of the host link on the simulated board (docs/host-link.md): bulk-write
 * throughput, bytes and samples per second of inference, and a lossy-link run. Times are board
 * time ({@link SimBoard.Counts#boardCycles}) at the board's clock, and wall time beside it.
 */
public final class LinkBench {
    private LinkBench() {}

    /** Payload moved in board time; the line rate of 8N1 is baud / 10 bytes per second. */
    public record Throughput(long dataBytes, long wireBytes, double boardSeconds, double wallSeconds, int baud) {
        public double bytesPerSecond() {
            return dataBytes / boardSeconds;
        }

        public double shareOfLineRate() {
            return bytesPerSecond() / (baud / 10.0);
        }
    }

    /** Inference over the link: wire bytes (both ways) and board time per sample. */
    public record Inference(int samples, double bytesPerSample, double boardSecondsPerSample, double wallSecondsPerSample, double arrayCyclesPerSample) {
        public double samplesPerSecond() {
            return 1 / boardSecondsPerSample;
        }
    }

    /**
     * @param frames       frames sent (retries not counted)
     * @param wordsChecked words written and read back
     * @param corruptions  words that read back different (undetected corruptions), plus 1 if the final state differs from L2's
     */
    public record Lossy(long frames, long wordsChecked, long corruptions, LinkPort.Stats link, SimBoard.Counts faults, Throughput goodput,
                        boolean stateEqualsModel, int batches) {}

    private record Mark(SimBoard.Counts counts, LinkPort.Stats stats, long nanos) {
        static Mark of(FpgaDevice d) {
            d.link().drain();
            return new Mark(d.simBoard().counts(), d.link().stats(), System.nanoTime());
        }
    }

    private static double boardSeconds(FpgaDevice d, Mark a, Mark b) {
        return (b.counts().boardCycles() - a.counts().boardCycles()) / (double) d.simBoard().params().clockHz();
    }

    /** Writes {@code words} one-byte words into lane group 0's memory (a loaded device), in pieces of its capacity. */
    public static Throughput bulkWrite(FpgaDevice d, int words, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int cap = d.params().capacity().laneWords();
        Mark a = Mark.of(d);
        for (int done = 0; done < words; ) {
            long[] w = new long[Math.min(cap, words - done)];
            for (int i = 0; i < w.length; i++) w[i] = r.nextInt(-100, 100);
            d.link().write(RtlContract.REGION_LANE, 0, 0, w);
            done += w.length;
        }
        Mark b = Mark.of(d);
        return new Throughput(words, b.stats().wireBytesSent() - a.stats().wireBytesSent(), boardSeconds(d, a, b), (b.nanos() - a.nanos()) / 1e9,
                d.link().identity().baud());
    }

    /** {@code batches} inference batches of {@code in} (a loaded device). */
    public static Inference inference(FpgaDevice d, InputBatch in, int batches) {
        Mark a = Mark.of(d);
        long cycles = 0;
        for (int i = 0; i < batches; i++) {
            d.infer(in, SpikeRule.DETERMINISTIC);
            cycles += Arrays.stream(d.sampleCycles()).sum();
        }
        Mark b = Mark.of(d);
        int n = batches * in.batch();
        long wire = b.stats().wireBytesSent() - a.stats().wireBytesSent() + b.stats().wireBytesReceived() - a.stats().wireBytesReceived();
        return new Inference(n, wire / (double) n, boardSeconds(d, a, b) / n, (b.nanos() - a.nanos()) / 1e9 / n, cycles / (double) n);
    }

    /**
     * On a device whose link injects faults: random CONFIG words (widths 1 to 4 bytes) written and
     * read back until {@code frames} frames went out, then the image loaded again and {@code
     * learnBatches} learning batches and one inference batch run in lockstep with L2. {@code
     * framesSent} hears the frames sent so far, step by step (a progress bar), up to {@code frames}.
     */
    public static Lossy lossy(FpgaDevice d, Image image, int frames, long seed, InputBatch learn, InputBatch infer, int learnBatches,
                              java.util.function.IntConsumer framesSent) {
        d.load(image);
        SplittableRandom r = new SplittableRandom(seed);
        int cap = d.params().capacity().configWords();
        Mark a = Mark.of(d);
        long checked = 0, bad = 0, data = 0;
        long reported = 0;
        while (d.link().stats().framesSent() - a.stats().framesSent() < frames) {
            int n = r.nextInt(1, Math.min(cap, 300)), at = r.nextInt(cap - n + 1);
            int bits = new int[] {7, 15, 31}[r.nextInt(3)];
            long[] w = new long[n];
            for (int i = 0; i < n; i++) w[i] = r.nextLong(0, 1L << bits); // CONFIG words are 32 bits, read back unsigned
            d.link().write(RtlContract.REGION_CONFIG, 0, at, w);
            long[] back = d.link().read(RtlContract.REGION_CONFIG, 0, at, n);
            for (int i = 0; i < n; i++) if (back[i] != w[i]) bad++;
            checked += n;
            data += 2L * n * (bits + 1) / 8;
            long now = Math.min(frames, d.link().stats().framesSent() - a.stats().framesSent());
            framesSent.accept((int) (now - reported));
            reported = now;
        }
        Mark b = Mark.of(d);
        boolean equal;
        int batches = 0;
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            d.load(image);
            equal = ref.readState().hash().equals(d.readState().hash());
            for (int i = 0; i < learnBatches && equal; i++, batches++) {
                equal = Arrays.equals(ref.learn(learn).outputTheta(), d.learn(learn).outputTheta()) && ref.readState().hash().equals(d.readState().hash());
            }
            if (equal) {
                batches++;
                equal = Arrays.equals(ref.infer(infer, SpikeRule.DETERMINISTIC).outputTheta(), d.infer(infer, SpikeRule.DETERMINISTIC).outputTheta())
                        && ref.readState().hash().equals(d.readState().hash());
            }
        }
        Mark c = Mark.of(d);
        Throughput t = new Throughput(data, b.stats().wireBytesSent() - a.stats().wireBytesSent(), boardSeconds(d, a, b), (b.nanos() - a.nanos()) / 1e9,
                d.link().identity().baud());
        LinkPort.Stats s = c.stats();
        return new Lossy(b.stats().framesSent() - a.stats().framesSent(), checked, bad + (equal ? 0 : 1), s, c.counts(), t, equal, batches);
    }
}
