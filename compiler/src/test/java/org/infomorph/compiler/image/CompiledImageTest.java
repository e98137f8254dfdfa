package org.infomorph.compiler.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.targets.Targets;
import org.junit.jupiter.api.Test;

class CompiledImageTest {
    private static final NetworkSpec NET = NetworkJson.read(Path.of("../examples/synthetic-context.json"));

    private static Path compile(String target, Mode mode) throws IOException {
        Path dir = Files.createTempDirectory("image");
        Image image = ImageFactory.fromScratch(NET, ArchConfig.defaults(), 4);
        CompiledImage.write(image, Compilation.of(NET, ArchConfig.defaults(), Targets.builtIn(target), mode), dir);
        return dir;
    }

    @Test
    void theMemoryImagesHoldExactlyTheWeightsAndBiases() throws IOException {
        for (String target : List.of("verilator", "ice40up5k-icebreaker", "xc7a35t-arty-a7")) {
            Image image = ImageFactory.fromScratch(NET, ArchConfig.defaults(), 4);
            Compilation c = Compilation.of(NET, ArchConfig.defaults(), Targets.builtIn(target), Mode.INFER);
            Path dir = Files.createTempDirectory("image");
            CompiledImage.write(image, c, dir);
            Image back = MemoryImages.readBack(image, c.mapping(), dir.resolve(CompiledImage.MEMORIES));
            for (int l = 0; l < image.layers().size(); l++)
                for (int s = 0; s < image.layers().get(l).sources().size(); s++) {
                    assertArrayEquals(image.layers().get(l).sources().get(s).w(), back.layers().get(l).sources().get(s).w(), target + " w " + l + "/" + s);
                    assertArrayEquals(image.layers().get(l).sources().get(s).b(), back.layers().get(l).sources().get(s).b(), target + " b " + l + "/" + s);
                }
            // one lane-memory word holds lanesPerWord weights
            String firstLine = Files.readAllLines(dir.resolve(CompiledImage.MEMORIES).resolve("lane_g0.hex")).get(0);
            int width = c.mapping().generator().lanesPerWord() * ArchConfig.defaults().numerics().weightBits();
            assertTrue(firstLine.matches("[0-9a-f]{" + (width + 3) / 4 + "}"), "readmemh word of " + width + " bits: " + firstLine);
        }
    }

    /** The generator.json of a compiled image is the file the Chisel generator reads (one format). */
    @Test
    void theCompiledGeneratorJsonIsWhatTheGeneratorReads() throws IOException {
        for (Mode mode : Mode.values()) {
            Compilation c = Compilation.of(NET, ArchConfig.defaults(), Targets.builtIn("ice40up5k-icebreaker"), mode);
            Path dir = Files.createTempDirectory("image");
            CompiledImage.write(ImageFactory.fromScratch(NET, ArchConfig.defaults(), 4), c, dir);
            org.infomorph.compiler.rtl.GeneratorParams read = org.infomorph.compiler.rtl.GeneratorParams.read(dir.resolve(CompiledImage.GENERATOR));
            assertEquals(c.mapping().generator(), read, mode.toString());
            assertEquals(c.mapping().generator().hash(), read.hash());
        }
    }

    @Test
    void anExtraFileIsRejected() throws IOException {
        Path dir = compile("verilator", Mode.LEARN);
        Files.writeString(dir.resolve("notes.txt"), "hello");
        String m = assertThrows(InvalidInputException.class, () -> ImageStore.load(dir)).getMessage();
        assertTrue(m.contains("notes.txt") && m.contains("not listed"), m);
    }

    @Test
    void aTruncatedFileIsRejected() throws IOException {
        Path dir = compile("verilator", Mode.LEARN);
        Path f = dir.resolve(ImageStore.MEMORY);
        byte[] b = Files.readAllBytes(f);
        Files.write(f, java.util.Arrays.copyOf(b, b.length - 3));
        assertThrows(InvalidInputException.class, () -> ImageStore.load(dir));
    }

    /** Any flipped byte in any file of a compiled image is rejected with a one-line error. */
    @Property(tries = 60)
    void aFlippedByteAnywhereIsRejected(@ForAll @IntRange(min = 0, max = 1_000_000) int fileChoice, @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int offset,
            @ForAll @IntRange(min = 1, max = 255) int mask) throws IOException {
        Path dir = compile("ice40up5k-icebreaker", Mode.INFER);
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Path f = files.get(fileChoice % files.size());
        byte[] b = Files.readAllBytes(f);
        b[offset % b.length] ^= (byte) mask;
        Files.write(f, b);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageStore.load(dir), f.toString());
        assertTrue(!e.getMessage().contains("\n"), e.getMessage());
    }
}
