package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
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
        description = {"Map a float-trained network (a directory written by 'train --out') to the integers of an image",
                "for the fixed-point levels: a power-of-two scale per weight tensor; reports scales and clipped values."})
final class QuantizeCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TRAINED_DIR")
    Path trained;

    @Mixin ArchOptions arch;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "IMAGE_DIR", description = "where to write the image (image.json + memory.bin)")
    Path out;

    @Option(names = "--seed", paramLabel = "S", description = "seed of the image's generators (default: the network's)")
    Long seed;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        TrainedNetwork net = NetworkStore.load(trained);
        PostTrainingQuantiser.Result r = PostTrainingQuantiser.quantise(net, arch.load(), seed != null ? seed : net.spec().training().seed());
        print(o, r);
        ImageStore.save(r.image(), out);
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
