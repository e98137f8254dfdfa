package org.infomorph.compiler.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageStoreTest {
    @TempDir Path dir;
    private Image image;

    @BeforeEach
    void write() throws IOException {
        NetworkSpec spec = NetworkJson.read(Path.of("../examples/synthetic-context.json"));
        image = PostTrainingQuantiser.quantise(NetworkInit.initial(spec, 3), ArchConfig.defaults(), 3).image();
        ImageStore.save(image, dir);
    }

    @Test
    void roundTripsEveryInteger() {
        Image back = ImageStore.load(dir);
        assertEquals(image.network(), back.network());
        assertEquals(image.arch(), back.arch());
        assertEquals(image.seed(), back.seed());
        for (int l = 0; l < image.layers().size(); l++)
            for (int s = 0; s < image.layers().get(l).sources().size(); s++) {
                ImageSource a = image.layers().get(l).sources().get(s), b = back.layers().get(l).sources().get(s);
                assertArrayEquals(a.w(), b.w());
                assertArrayEquals(a.b(), b.b());
                assertArrayEquals(a.mask(), b.mask());
                assertEquals(a.weightFrac(), b.weightFrac());
                assertEquals(a.fixed(), b.fixed());
            }
    }

    /** Loads the image after an edit whose checksums were recomputed (as an edit on purpose would), so the deeper check must catch it. */
    private String rejected() throws IOException {
        CompiledImage.writeChecksums(dir);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> ImageStore.load(dir));
        assertEquals(1, e.total(), e.getMessage());
        return e.getMessage();
    }

    @Test
    void theChecksumFileIsRequiredAndCoversEveryFile() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "mine");
        assertTrue(assertThrows(InvalidInputException.class, () -> ImageStore.load(dir)).getMessage()
                .endsWith("notes.txt: is not listed in checksums.sha256; the image was changed, create it again"));
        Files.delete(dir.resolve("notes.txt"));
        Files.delete(dir.resolve(CompiledImage.CHECKSUMS));
        assertEquals(dir.resolve(CompiledImage.CHECKSUMS) + ": is missing; every image lists the SHA-256 of its files there (written by quantize and compile): create the image again",
                assertThrows(InvalidInputException.class, () -> ImageStore.load(dir)).getMessage());
    }

    @Test
    void aTruncatedMemoryWithRecomputedHashesIsOneLine() throws IOException {
        Path mem = dir.resolve(ImageStore.MEMORY), mf = dir.resolve(ImageStore.MANIFEST);
        byte[] b = Files.readAllBytes(mem);
        byte[] cut = java.util.Arrays.copyOf(b, b.length - 6);
        Files.write(mem, cut);
        Files.writeString(mf, Files.readString(mf).replace(org.infomorph.compiler.network.NetworkStore.sha256(b),
                org.infomorph.compiler.network.NetworkStore.sha256(cut)));
        assertEquals(mem + ": has " + cut.length + " bytes but the manifest's layout needs " + b.length + " (truncated); the image is damaged, create it again",
                rejected());
    }

    @Test
    void aFlippedByteIsRejectedByTheChecksum() throws IOException {
        Path mem = dir.resolve(ImageStore.MEMORY);
        byte[] b = Files.readAllBytes(mem);
        b[b.length / 2] ^= 0x10;
        Files.write(mem, b);
        String m = rejected();
        assertTrue(m.contains("sha256") && !m.contains("\n"), m);
    }

    @Test
    void aWrongVersionIsRejected() throws IOException {
        Path mf = dir.resolve(ImageStore.MANIFEST);
        Files.writeString(mf, Files.readString(mf).replace("infomorph-image/1", "infomorph-image/2"));
        assertEquals(mf + ": format: must be \"infomorph-image/1\", got the string \"infomorph-image/2\"; re-create the image with this version", rejected());
    }

    @Test
    void aWidthOver32BitsNamesTheField() throws IOException {
        Path mf = dir.resolve(ImageStore.MANIFEST);
        Files.writeString(mf, Files.readString(mf).replace("\"weightBits\" : 8", "\"weightBits\" : 33"));
        assertEquals(mf + ": arch.numerics.weightBits: must be an integer in 2..32, got number 33", rejected());
    }

    @Test
    void inconsistentSizesAreRejected() throws IOException {
        Path mf = dir.resolve(ImageStore.MANIFEST);
        String text = Files.readString(mf);
        int layout = text.lastIndexOf("\"layers\" : [");
        Files.writeString(mf, text.substring(0, layout) + text.substring(layout).replaceFirst("\"size\" : 64", "\"size\" : 65"));
        assertEquals(mf + ": layers[0].sources[0].size: must be an integer in 64..64, got number 65", rejected());
    }

    @Test
    void aWeightOutsideItsFormatIsRejected() throws IOException {
        Path mf = dir.resolve(ImageStore.MANIFEST);
        Files.writeString(mf, Files.readString(mf).replace("\"weightBits\" : 8", "\"weightBits\" : 4"));
        String m = rejected();
        assertTrue(m.contains("layer hidden source R: w[0]") && m.contains("does not fit weightBits"), m);
    }
}
