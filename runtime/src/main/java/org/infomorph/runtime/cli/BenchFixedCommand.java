package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.reference.ReferenceDevice;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "fixed", mixinStandardHelpOptions = true,
        description = "Throughput of the bit-exact integer model (L2): on-chip learning and inference samples/s, random inputs.")
final class BenchFixedCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to time (fresh weights; see docs/network-format.md)")
    Path network;

    @Mixin ArchOptions arch;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "5", description = "timed seconds per measurement (0.01..3600; default: ${DEFAULT-VALUE})")
    double seconds;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.range("--seconds", seconds, 0.01, 3600);
        NetworkSpec net = Networks.read(network, null, null);
        ArchConfig a = arch.load();
        org.infomorph.compiler.MemoryBudget.requireFixed(net, a, network.toString());
        int batch = a.learning().batchSize();
        BenchInputs in = BenchInputs.of(net, batch);
        InputBatch learn = in.learn(), infer = in.infer();
        try (ReferenceDevice dev = new ReferenceDevice()) {
            dev.load(ImageFactory.fromScratch(net, a, 1));
            for (int i = 0; i < 20; i++) dev.learn(learn);
            double[] learning = rate(() -> dev.learn(learn), batch);
            double[] inference = rate(() -> dev.infer(infer, SpikeRule.DETERMINISTIC), batch);
            // samples per CPU-second: what the cores deliver, also on a machine shared with other jobs
            o.printf("network %s, batch %d, %d cores: learning %,.0f samples/s (%,.0f per CPU-s), inference %,.0f samples/s (%,.0f per CPU-s)%n",
                    net.name(), batch, Runtime.getRuntime().availableProcessors(), learning[0], learning[1], inference[0], inference[1]);
        }
        return ExitCode.OK.code;
    }

    /** {samples per wall second, samples per CPU-second of the process}. */
    private double[] rate(Runnable step, int batch) {
        long samples = 0, t0 = System.nanoTime(), c0 = cpuNanos();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            step.run();
            samples += batch;
        }
        double wall = (System.nanoTime() - t0) / 1e9, cpu = (cpuNanos() - c0) / 1e9;
        return new double[] {samples / wall, cpu > 0 ? samples / cpu : Double.NaN};
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }
}
