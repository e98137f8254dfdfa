package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.SafeOutput;
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
        description = {"Compile a network for a target into an image directory, or say early what does not fit.",
                "Maps the neurons onto LLUs, allocates every memory, builds the schedule and the estimates, and writes the",
                "manifest, the memory images ($readmemh hex and binary), the generator parameters, the target and checksums.",
                "When the network does not fit, it names the resource, the need, the capacity and the change that would fit."})
final class CompileCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network description to compile (see docs/network-format.md)")
    Path network;

    @Mixin TargetOptions target;

    @Mixin ModeOption mode;

    @Mixin ArchOptions arch;

    @Option(names = "--weights", paramLabel = "TRAINED_DIR", description = "trained weights (from 'train --out'); default: fresh weights for on-chip learning")
    Path weights;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the generators (any 64-bit integer; default: the network's)")
    Long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "IMAGE_DIR",
            description = "where to write the image: a new or empty directory, or an earlier image (replaced whole)")
    Path out;

    @Option(names = "--force", description = "let -o replace a directory that holds other files (never an input)")
    boolean force;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        long t0 = System.nanoTime();
        List<Path> inputs = Arrays.asList(network, weights, arch.file, target.file);
        SafeOutput.check("-o", out, SafeOutput.Kind.IMAGE, force, inputs);
        NetworkSpec net = Networks.read(network, null, seed);
        ArchConfig a = arch.load();
        Compilation c = Compilation.of(net, a, target.load(), mode.mode);
        try {
            FitAdvisor.requireFit(c);
        } catch (InvalidInputException e) {
            throw e.more("'infomorph fit " + network + "' with the same options lists every resource and the change that would fit");
        }
        MemoryBudget.requireFixed(net, a, network.toString());
        long s = net.training().seed();
        Image image;
        if (weights != null) {
            TrainedNetwork t = NetworkStore.load(weights);
            if (!t.spec().equals(Networks.override(net, t.spec().training().epochs(), t.spec().training().seed())))
                throw new InvalidInputException(weights + ": the trained network is not " + network + "; compile the file it was trained from");
            image = PostTrainingQuantiser.quantise(new TrainedNetwork(net, t.layers()), a, s).image();
        } else {
            image = ImageFactory.fromScratch(net, a, s);
        }
        SafeOutput.write("-o", out, SafeOutput.Kind.IMAGE, force, inputs, dir -> CompiledImage.write(image, c, dir));
        CompilationReport.print(o, c);
        o.printf("wrote image %s in %.2f s%n", out, (System.nanoTime() - t0) / 1e9);
        return ExitCode.OK.code;
    }
}
