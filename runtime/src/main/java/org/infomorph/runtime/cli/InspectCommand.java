package org.infomorph.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageSource;
import org.infomorph.compiler.image.ImageStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = {"Verify an image's checksums and print its manifest and memory map. A damaged image gives one line and exit code 2."})
final class InspectCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "IMAGE_DIR")
    Path dir;

    @Override
    public Integer call() throws IOException {
        PrintWriter o = spec.commandLine().getOut();
        Image image = ImageStore.load(dir); // verifies every checksum first
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
        Path mapping = dir.resolve(CompiledImage.MAPPING);
        if (!Files.exists(mapping)) {
            o.println("no mapping: a quantised network not yet compiled for a target ('infomorph compile')");
            return ExitCode.OK.code;
        }
        JsonNode m = new ObjectMapper().readTree(mapping.toFile());
        o.printf("compiled by %s for %s, mode %s: %d units, slots per layer %s%n", m.path("tool").asText(), m.path("target").asText(), m.path("mode").asText(),
                m.path("units").asInt(), m.path("slots"));
        o.println("memory map:");
        o.printf("  %-13s %-9s %6s %9s %5s %6s %6s %6s %6s %7s%n", "array", "memory", "lanes", "depth", "bits", "l/word", "groups", "wide", "deep", "blocks");
        for (JsonNode a : m.path("memories"))
            o.printf("  %-13s %-9s %6d %9d %5d %6d %6d %6d %6d %7d%n", a.path("array").asText(), a.path("memory").asText(), a.path("lanes").asInt(),
                    a.path("depth").asLong(), a.path("bits").asInt(), a.path("lanesPerWord").asInt(), a.path("groups").asInt(), a.path("blocksWide").asInt(),
                    a.path("blocksDeep").asLong(), a.path("blocks").asLong());
        JsonNode e = m.path("estimates");
        o.printf("estimates: %,d cycles/inference sample (DSP bound %,d), %,d cycles/learning sample, %,d cycles/batch boundary%n",
                e.path("sampleCycles").asLong(), e.path("dspBoundCycles").asLong(), e.path("learningSampleCycles").asLong(), e.path("boundaryCycles").asLong());
        long files;
        try (var s = Files.list(dir.resolve(CompiledImage.MEMORIES))) {
            files = s.count();
        } catch (IOException ex) {
            throw new InvalidInputException(dir.resolve(CompiledImage.MEMORIES) + ": cannot list (" + ex.getMessage() + ")");
        }
        o.printf("memory images: %d files in %s/ (readmemh .hex and raw .bin); checksums verified%n", files, CompiledImage.MEMORIES);
        return ExitCode.OK.code;
    }
}
