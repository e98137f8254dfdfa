package org.infomorph.runtime.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageDirectory;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.image.ImageStore;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.targets.Targets;

/** Turns a command's NETWORK/IMAGE argument into an image, and picks the LLU count for it. */
final class Images {
    private Images() {}

    /** An image and, for a compiled image, its units (checked against its mapping); else null. */
    record Resolved(Image image, Integer units) {}

    static Resolved resolve(Path path, ArchConfig arch, Long seed) {
        if (Files.isDirectory(path) && Files.exists(path.resolve(ImageStore.MANIFEST))) {
            ImageDirectory d = ImageDirectory.load(path);
            Image im = d.image();
            Image seeded = seed == null ? im : new Image(Networks.override(im.network(), null, seed), im.arch(), im.layers(), seed);
            return new Resolved(seeded, d.compiled().map(c -> c.mapping().units()).orElse(null));
        }
        RunCommand.Source src = RunCommand.Source.of(path, null, seed);
        long s = src.spec().training().seed();
        if (src.trained() != null) return new Resolved(PostTrainingQuantiser.quantise(src.trained(), arch, s).image(), null);
        return new Resolved(ImageFactory.fromScratch(src.spec(), arch, s), null);
    }

    /** The compiled image's units, else what the compiler picks for the verilator target. */
    static int units(Resolved r) {
        return r.units() != null ? r.units() : compilation(r.image()).mapping().units();
    }

    /** The RTL addresses at most 255 units (an 8-bit unit index): more is one clear line, not a failed build. */
    static int rtlUnits(int units, String source) {
        if (units < 1 || units > 255)
            throw new org.infomorph.compiler.InvalidInputException(source + ": " + units + " units, but the RTL simulation has 1..255; pass --units with fewer");
        return units;
    }

    static Compilation compilation(Image image) {
        return Compilation.of(image.network(), image.arch(), Targets.builtIn(Targets.DEFAULT), Mode.LEARN);
    }
}
