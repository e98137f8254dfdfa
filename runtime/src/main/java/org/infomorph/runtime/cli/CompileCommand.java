package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.FitAdvisor;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compile", mixinStandardHelpOptions = true,
        description = {"Compile a network for a target into an image: map the neurons onto LLUs, allocate every memory, build",
                "the schedule and the estimates, and write the manifest, the memory images ($readmemh hex and binary), the",
                "generator parameters and checksums. Fails early, naming the resource and the change that would fit."})
final class CompileCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json")
    Path network;

    @Mixin TargetOptions target;

    @Mixin ModeOption mode;

    @Mixin ArchOptions arch;

    @Option(names = "--weights", paramLabel = "TRAINED_DIR", description = "trained weights (from 'train --out'); default: fresh weights for on-chip learning")
    Path weights;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generators (default: the network's)")
    Long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "IMAGE_DIR")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        NetworkSpec net = Networks.read(network, null, seed);
        ArchConfig a = arch.load();
        Compilation c = Compilation.of(net, a, target.load(), mode.mode);
        FitAdvisor.requireFit(c);
        long s = net.training().seed();
        Image image;
        if (weights != null) {
            TrainedNetwork t = NetworkStore.load(weights);
            if (!t.spec().equals(Networks.override(net, t.spec().training().epochs(), t.spec().training().seed())))
                throw new org.infomorph.compiler.InvalidInputException(weights + ": the trained network is not " + network + "; compile the file it was trained from");
            image = PostTrainingQuantiser.quantise(new TrainedNetwork(net, t.layers()), a, s).image();
        } else {
            image = ImageFactory.fromScratch(net, a, s);
        }
        CompiledImage.write(image, c, out);
        CompilationReport.print(o, c);
        o.printf("wrote image %s in %.2f s%n", out, (System.nanoTime() - t0) / 1e9);
        return ExitCode.OK.code;
    }
}
