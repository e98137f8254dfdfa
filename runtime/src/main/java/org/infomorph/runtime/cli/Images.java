package org.infomorph.runtime.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.targets.Targets;

/** Turns a command's NETWORK/IMAGE argument into an image, and picks the LLU count for it. */
final class Images {
    private Images() {}

    static Image resolve(Path path, ArchConfig arch, Long seed) {
        RunCommand.Source src = RunCommand.Source.of(path, null, seed);
        long s = src.spec().training().seed();
        if (src.image() != null) return src.image();
        if (src.trained() != null) return PostTrainingQuantiser.quantise(src.trained(), arch, s).image();
        return ImageFactory.fromScratch(src.spec(), arch, s);
    }

    /** The compiled image's units (mapping.json), else what the compiler picks for the verilator target. */
    static int units(Path path, Image image) {
        Path mapping = path.resolve(CompiledImage.MAPPING);
        if (Files.isDirectory(path) && Files.exists(mapping)) {
            try {
                int u = new ObjectMapper().readTree(mapping.toFile()).path("units").asInt(0);
                if (u < 1) throw InvalidInputException.at(mapping.toString(), "units", "must be >= 1; compile the image again");
                return u;
            } catch (IOException e) {
                throw InvalidInputException.at(mapping.toString(), null, "cannot read (" + e.getMessage() + ")");
            }
        }
        return compilation(image).mapping().units();
    }

    static Compilation compilation(Image image) {
        return Compilation.of(image.network(), image.arch(), Targets.builtIn(Targets.DEFAULT), Mode.LEARN);
    }
}
