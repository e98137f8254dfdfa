package org.infomorph.runtime.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageDirectory;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.mapping.Allocation;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Estimates;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Verify an image whole and print its manifest and memory map.",
                "Checks every checksum, the manifest and the memory, and that the mapping, the generator parameters and the",
                "memory images equal what compile writes for the image's network, architecture and target.",
                "A damaged or changed image gives one line and exit code 2."})
final class InspectCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE_DIR", description = "an image: the directory quantize or compile wrote")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        ImageDirectory loaded = ImageDirectory.load(dir); // verifies every checksum and every derived file first
        Image image = loaded.image();
        o.printf("image %s (%s): network %s, %d features, %d classes, %d step(s), seed %d%n", dir, Image.FORMAT, image.network().name(),
                image.network().features(), image.network().classes(), image.network().steps(), image.seed());
        var n = image.arch().numerics();
        o.printf("architecture: %d-bit inputs, %d-bit weights, %d-bit theta, %d bins/source, log2 %d fraction bits, %s table, learning rate 2^%d, batch %d%n",
                n.input().bits(), n.weightBits(), n.theta().bits(), image.arch().bins(), n.log2().frac(), image.arch().learning().table(),
                image.arch().learning().learningRateExp(), image.arch().learning().batchSize());
        for (int l = 0; l < image.layers().size(); l++)
            for (int s = 0; s < image.layers().get(l).sources().size(); s++) {
                ImageSource src = image.layers().get(l).sources().get(s);
                o.printf("  %-8s %s  %4d x %-5d weights at 2^-%d%s%n", image.layers().get(l).name(), image.network().layers().get(l).sources().get(s).role(),
                        src.neurons(), src.size(), src.weightFrac(), src.fixed() ? " (fixed)" : "");
            }
        if (loaded.compiled().isEmpty()) {
            o.println("no mapping: a quantised network not yet compiled for a target ('infomorph compile')");
            return ExitCode.OK.code;
        }
        Compilation c = loaded.compilation();
        var m = c.mapping();
        o.printf("compiled by %s for %s, mode %s: %d lanes (%d per lane-memory word), slots per layer %s%n", CompiledImage.TOOL, m.target(), m.mode(), m.units(), m.generator().lanesPerWord(),
                m.slots().toString().replace(" ", ""));
        o.println("memory map:");
        o.printf("  %-8s %-9s %9s %9s %6s %8s%n", "memory", "on", "instances", "depth", "width", "blocks");
        for (Allocation a : m.allocations())
            o.printf("  %-8s %-9s %9d %9d %6d %8.1f%n", a.array().name(), a.memory(), a.array().count(), a.array().depth(), a.array().width(), a.blocks());
        Estimates e = c.estimates();
        o.printf("estimates: %,d cycles/inference sample (DSP bound %,d), %,d cycles/learning sample, %,d cycles/batch boundary%n",
                e.sampleCycles(), e.dspBoundCycles(), e.learningSampleCycles(), e.boundaryCycles());
        long files;
        try (var s = Files.list(dir.resolve(CompiledImage.MEMORIES))) {
            files = s.count();
        } catch (IOException ex) {
            throw new InvalidInputException(dir.resolve(CompiledImage.MEMORIES) + ": cannot list (" + org.infomorph.json.IoReasons.of(ex) + ")");
        }
        o.printf("memory images: %d files in %s/ (readmemh .hex and raw .bin); checksums verified, derived files match%n", files, CompiledImage.MEMORIES);
        return ExitCode.OK.code;
    }
}
