package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.Device;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.sim.SimModel;
import org.infomorph.runtime.sim.VerilatorDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sim", mixinStandardHelpOptions = true,
        description = {"Speed of the RTL in Verilator (L3) against the integer model (L2), on random inputs.",
                "Prints simulated cycles/s, the share of wall time outside the native model (Java + JNA), learning and inference",
                "samples/s, and the L2/L3 ratio."})
final class BenchSimCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to simulate (fresh weights; see docs/network-format.md)")
    Path network;

    @Mixin ArchOptions arch;

    @Option(names = "--batches", paramLabel = "N", defaultValue = "3", description = "timed batches per measurement (1..10000; default: ${DEFAULT-VALUE})")
    int batches;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--batches", batches, 1, 10_000);
        NetworkSpec net = Networks.read(network, null, null);
        ArchConfig a = arch.load();
        org.infomorph.compiler.MemoryBudget.requireFixed(net, a, network.toString());
        Image image = ImageFactory.fromScratch(net, a, 1);
        int batch = a.learning().batchSize();
        BenchInputs in = BenchInputs.of(net, batch);
        InputBatch learn = in.learn(), infer = in.infer();
        int units = Images.rtlUnits(Images.compilation(image).mapping().units(), network.toString());
        org.infomorph.compiler.rtl.RtlLayout.of(image, units); // a network the RTL cannot address is one clear line before any build
        double[] l2 = new double[2];
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            ref.learn(learn);
            l2[0] = rate(ref, learn, true);
            l2[1] = rate(ref, infer, false);
        }
        long t0 = System.nanoTime();
        try (VerilatorDevice rtl = new VerilatorDevice(units)) {
            rtl.load(image);
            double open = (System.nanoTime() - t0) / 1e9;
            SimModel m = rtl.model();
            rtl.learn(learn);
            long c0 = m.cycles();
            double n0 = m.nativeSeconds();
            long w0 = System.nanoTime();
            double learning = rate(rtl, learn, true);
            double inference = rate(rtl, infer, false);
            double wall = (System.nanoTime() - w0) / 1e9;
            double cycles = m.cycles() - c0, inNative = m.nativeSeconds() - n0;
            o.printf("network %s on %d LLUs, batch %d (library ready in %.1f s: build or cache)%n", net.name(), units, batch, open);
            o.printf("L3 simulation: %,.0f simulated cycles/s; %.2f%% of wall time outside the native model (Java + JNA)%n", cycles / wall,
                    100 * Math.max(0, wall - inNative) / wall);
            o.printf("L3 learning %,.1f samples/s, inference %,.1f samples/s%n", learning, inference);
            o.printf("L2 learning %,.0f samples/s, inference %,.0f samples/s: L2/L3 = %.0fx learning, %.0fx inference%n", l2[0], l2[1],
                    l2[0] / learning, l2[1] / inference);
        }
        return ExitCode.OK.code;
    }

    private double rate(Device d, InputBatch in, boolean learn) {
        long t0 = System.nanoTime();
        for (int i = 0; i < batches; i++) {
            if (learn) d.learn(in);
            else d.infer(in, SpikeRule.DETERMINISTIC);
        }
        return (double) batches * in.batch() / ((System.nanoTime() - t0) / 1e9);
    }
}
