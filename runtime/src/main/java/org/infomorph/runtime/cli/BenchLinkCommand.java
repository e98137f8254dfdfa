package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.LinkBench;
import org.infomorph.runtime.fpga.SimBoard;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "link", mixinStandardHelpOptions = true,
        description = {"The host link on the simulated board (L4), in board time at 12 MHz and 3 Mbaud: image load, bulk-write throughput",
                "against the line rate, bytes and samples/s of inference, and a lossy link (flip, drop, duplicate, delay mixed): every",
                "word read back, the final state against L2, the goodput. Exit 1 when a word or the state differs."})
final class BenchLinkCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json")
    Path network;

    @Mixin ArchOptions arch;

    @Option(names = "--units", paramLabel = "P", description = "LLUs (default: the compiler's choice for the verilator target)")
    Integer units;

    @Option(names = "--words", paramLabel = "N", defaultValue = "200000", description = "one-byte words of the bulk write (default: ${DEFAULT-VALUE})")
    int words;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "4", description = "inference batches (default: ${DEFAULT-VALUE})")
    int batches;

    @Option(names = "--frames", paramLabel = "N", defaultValue = "10000", description = "frames of the lossy run (default: ${DEFAULT-VALUE}; 0 skips it)")
    int frames;

    @Option(names = "--fault-rate", paramLabel = "R", defaultValue = "0.01", description = "share of bytes changed, each way, in the lossy run (default: ${DEFAULT-VALUE})")
    double rate;

    @Option(names = "--learn", paramLabel = "N", defaultValue = "2", description = "learning batches checked against L2 after the lossy run (default: ${DEFAULT-VALUE})")
    int learn;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "seed of the data and of the fault injector (default: ${DEFAULT-VALUE})")
    long seed;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        NetworkSpec net = Networks.read(network, null, null);
        ArchConfig a = arch.load();
        Image image = ImageFactory.fromScratch(net, a, seed);
        int p = units != null ? units : Images.compilation(image).mapping().units();
        BenchInputs in = BenchInputs.of(net, a.learning().batchSize());
        int code = ExitCode.OK.code;
        try (FpgaDevice d = FpgaDevice.simulated(p, SimBoard.Faults.NONE)) {
            long t0 = System.nanoTime();
            d.load(image);
            o.printf("simulated board: %s on %d LLUs, design %s, %d Hz, %d baud (line rate %,d bytes/s); started and loaded in %.1f s%n", net.name(), p,
                    d.link().identity().designHash(), d.link().identity().clockHz(), d.link().identity().baud(), d.link().identity().baud() / 10,
                    (System.nanoTime() - t0) / 1e9);
            LinkBench.Throughput w = LinkBench.bulkWrite(d, words, seed);
            o.printf("bulk write: %,d data bytes in %.3f s board time (%.1f s wall): %,.0f bytes/s = %.1f%% of the line rate; %,d wire bytes sent (%.1f%% data)%n",
                    w.dataBytes(), w.boardSeconds(), w.wallSeconds(), w.bytesPerSecond(), 100 * w.shareOfLineRate(), w.wireBytes(),
                    100.0 * w.dataBytes() / w.wireBytes());
            LinkBench.Inference i = LinkBench.inference(d, in.infer(), batches);
            o.printf("inference: %d samples, %,.0f wire bytes per sample (both ways), %,.0f array cycles per sample; %,.1f samples/s in board time (%,.2f ms each), %,.1f samples/s wall%n",
                    i.samples(), i.bytesPerSample(), i.arrayCyclesPerSample(), i.samplesPerSecond(), 1e3 * i.boardSecondsPerSample(),
                    1 / i.wallSecondsPerSample());
        }
        if (frames > 0) {
            try (FpgaDevice d = FpgaDevice.simulated(p, SimBoard.Faults.mixed(rate, seed))) {
                System.err.printf("lossy link: %,d frames of CONFIG words written and read back, then the image loaded again and %d learning and 1 inference"
                        + " batches in lockstep with L2 over the same link (minutes for a large image)%n", frames, learn);
                LinkBench.Lossy l;
                try (Progress pr = Progress.start("lossy link", frames, "frames")) {
                    l = LinkBench.lossy(d, image, frames, seed, in.learn(), in.infer(), learn, pr.stepper());
                }
                o.printf("lossy link (%.2f%% of bytes changed each way): %,d frames, %,d words written and read back, %,d resent, %,d NAKs, %,d damaged frames from the board, %,d timeouts%n",
                        100 * rate, l.frames(), l.wordsChecked(), l.link().retransmissions(), l.link().naks(), l.link().damagedReceived(), l.link().timeouts());
                o.printf("  injected: %,d flips, %,d drops, %,d duplicates, %,d delays in %,d bytes%n", l.faults().flips(), l.faults().drops(), l.faults().dups(),
                        l.faults().delays(), l.faults().bytes());
                o.printf("  goodput %,.0f bytes/s = %.1f%% of the line rate (board time %.2f s, wall %.1f s)%n", l.goodput().bytesPerSecond(),
                        100 * l.goodput().shareOfLineRate(), l.goodput().boardSeconds(), l.goodput().wallSeconds());
                o.printf("  %d learning + inference batches after it: final state %s L2's%n", l.batches(), l.stateEqualsModel() ? "equals" : "DIFFERS from");
                o.printf("%d undetected corruptions%n", l.corruptions());
                if (l.corruptions() > 0) code = ExitCode.CHECK_FAILED.code;
            }
        }
        return code;
    }
}
