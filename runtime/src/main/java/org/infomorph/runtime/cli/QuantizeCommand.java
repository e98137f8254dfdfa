package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.infomorph.compiler.MemoryBudget;
import org.infomorph.compiler.SafeOutput;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.ImageStore;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.network.NetworkStore;
import org.infomorph.compiler.network.TrainedNetwork;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "quantize", mixinStandardHelpOptions = true,
        description = {"Map a float-trained network to the integers of an image for the fixed-point levels (L2, L3).",
                "Each weight tensor gets a power-of-two scale; reports scales and clipped values, and refuses a format that",
                "cannot hold the network."})
final class QuantizeCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAINED_DIR", description = "a trained network: the directory 'train --out' wrote")
    Path trained;

    @Mixin ArchOptions arch;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "IMAGE_DIR",
            description = "where to write the image (image.json, memory.bin, checksums.sha256): a new or empty directory, or an earlier image (replaced whole)")
    Path out;

    @Option(names = "--force", description = "let -o replace a directory that holds other files (never an input)")
    boolean force;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the image's generators (any 64-bit integer; default: the network's)")
    Long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        List<Path> inputs = Arrays.asList(trained, arch.file);
        SafeOutput.check("-o", out, SafeOutput.Kind.IMAGE, force, inputs);
        TrainedNetwork net = NetworkStore.load(trained);
        ArchConfig a = arch.load();
        MemoryBudget.requireFixed(net.spec(), a, trained.toString());
        PostTrainingQuantiser.Result r = PostTrainingQuantiser.quantise(net, a, seed != null ? seed : net.spec().training().seed());
        print(o, r);
        SafeOutput.write("-o", out, SafeOutput.Kind.IMAGE, force, inputs, dir -> ImageStore.save(r.image(), dir));
        o.println("wrote image " + out);
        return ExitCode.OK.code;
    }

    static void print(PrintWriter o, PostTrainingQuantiser.Result r) {
        o.printf("%-8s %-6s %10s %10s %8s %8s %8s%n", "layer", "source", "scale", "max|w|", "clipped", "zeroed", "clip(b)");
        for (PostTrainingQuantiser.TensorReport t : r.tensors())
            o.printf("%-8s %-6s %10s %10.4f %8d %7.1f%% %8d%n", t.layer(), t.source(), "2^-" + t.weightFrac(), t.maxAbs(), t.clippedWeights(),
                    t.nonZeroWeights() == 0 ? 0.0 : 100.0 * t.zeroedWeights() / t.nonZeroWeights(), t.clippedBiases());
        o.printf("clipped weights: %d%n", r.clippedWeights());
    }
}
