package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FitAdvisor;
import org.infomorph.compiler.network.NetworkLimits;
import org.infomorph.compiler.network.NetworkSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = "Compile time and memory at several sizes: the network's first layer resized to reach each synapse count.")
final class BenchCompileCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description whose first layer is resized (see docs/network-format.md)")
    Path network;

    @Mixin TargetOptions target;

    @Option(names = "--synapses", split = ",", paramLabel = "N,...", defaultValue = "250000,500000,1000000",
            description = "sizes, each 1.." + NetworkLimits.MAX_SYNAPSES + " weights (default: ${DEFAULT-VALUE})")
    List<Long> synapses;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        OptionChecks.each("--synapses", synapses, 1, NetworkLimits.MAX_SYNAPSES);
        NetworkSpec base = Networks.read(network, null, null);
        for (long want : synapses)
            if (hiddenFor(base, want) > NetworkLimits.MAX_NEURONS || synapses(FitAdvisor.withNeurons(base, 0, 1)) > want)
                throw new org.infomorph.compiler.InvalidInputException("--synapses " + want + ": the first layer of " + network + " cannot be resized to reach it (1.."
                        + NetworkLimits.MAX_NEURONS + " neurons give " + synapses(FitAdvisor.withNeurons(base, 0, 1)) + ".."
                        + synapses(FitAdvisor.withNeurons(base, 0, NetworkLimits.MAX_NEURONS)) + " weights)");
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (long want : synapses) {
            int n = hiddenFor(base, want);
            NetworkSpec net = FitAdvisor.withNeurons(base, 0, n);
            org.infomorph.compiler.MemoryBudget.requireFixed(net, ArchConfig.defaults(), network.toString());
            long syn = synapses(net);
            double best = Double.MAX_VALUE;
            long allocated = 0;
            for (int rep = 0; rep < 3; rep++) {
                Path dir = Files.createTempDirectory("bench-compile");
                long a0 = threads.getCurrentThreadAllocatedBytes(), t0 = System.nanoTime();
                Compilation c = Compilation.of(net, ArchConfig.defaults(), target.load(), org.infomorph.compiler.mapping.Mode.LEARN);
                Image image = ImageFactory.fromScratch(net, c.arch(), 1);
                CompiledImage.write(image, c, dir);
                best = Math.min(best, (System.nanoTime() - t0) / 1e9);
                allocated = threads.getCurrentThreadAllocatedBytes() - a0;
                try (var s = Files.walk(dir)) {
                    s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            o.printf("%,10d synapses (%d %s neurons): compile %.3f s (best of 3), %,.1f MB allocated, %,.0f bytes/synapse%n", syn, n,
                    base.layers().get(0).name(), best, allocated / 1e6, (double) allocated / syn);
            o.flush();
        }
        return ExitCode.OK.code;
    }

    private static int hiddenFor(NetworkSpec base, long want) {
        int n = 1;
        while (n <= NetworkLimits.MAX_NEURONS && synapses(FitAdvisor.withNeurons(base, 0, n * 2)) <= want) n *= 2;
        int lo = n, hi = n * 2;
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (synapses(FitAdvisor.withNeurons(base, 0, mid)) <= want) lo = mid;
            else hi = mid - 1;
        }
        return lo;
    }

    static long synapses(NetworkSpec net) {
        long s = 0;
        for (var l : net.layers()) for (var src : l.sources()) s += (long) l.neurons() * src.size();
        return s;
    }
}
