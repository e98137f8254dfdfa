package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxFileTest {
    @TempDir
    Path tmp;

    @Test
    void readsPlainAndGzippedFiles() throws IOException {
        byte[] bytes = idx(new int[] {2, 1, 3}, new byte[] {0, 1, 2, (byte) 253, (byte) 254, (byte) 255});
        for (boolean gzip : new boolean[] {false, true}) {
            Path file = write("a" + gzip, bytes, gzip);
            IdxFile idx = IdxFile.read(file);
            assertArrayEquals(new int[] {2, 1, 3}, idx.dims());
            assertEquals(2, idx.items());
            assertEquals(3, idx.itemSize());
            assertEquals(255, idx.data()[5] & 0xff);
        }
    }

    @Test
    void badFilesNameTheFile() throws IOException {
        byte[] good = idx(new int[] {4}, new byte[] {1, 2, 3, 4});
        byte[][] bad = {
            Arrays.copyOf(good, good.length - 1),                          // truncated data
            Arrays.copyOf(good, 6),                                        // truncated header
            Arrays.copyOf(good, good.length + 1),                          // trailing byte
            idx(new int[] {4}, new byte[4], 0x0D),                         // float type, not unsigned byte
            {1, 2, 3},                                                     // nonsense
        };
        for (int i = 0; i < bad.length; i++) {
            Path file = write("bad" + i, bad[i], i % 2 == 1);
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> IdxFile.read(file), "case " + i);
            assertTrue(e.getMessage().startsWith(file.toString() + ": "), e.getMessage());
        }
        Path missing = tmp.resolve("missing");
        assertTrue(assertThrows(InvalidInputException.class, () -> IdxFile.read(missing))
                .getMessage().startsWith(missing.toString()));
    }

    /** A four-file Fashion-MNIST layout with three train and two test images. */
    @Test
    void fashionLayoutIsScaledToUnitInterval() throws IOException {
        writeFashion("train", 3, new byte[] {9, 0, 3});
        writeFashion("t10k", 2, new byte[] {1, 2});
        DatasetSplit s = FashionMnist.readRaw(tmp);
        assertEquals(3, s.train().size());
        assertEquals(2, s.test().size());
        assertArrayEquals(new int[] {9, 0, 3}, s.train().y());
        assertEquals(((1 * 784 + 10) % 256) / 255.0, s.train().row(1)[10], 1e-15);
        assertEquals(1.0, s.test().x()[255], 0);
    }

    @Test
    void fashionLabelOutOfRangeIsReported() throws IOException {
        writeFashion("train", 1, new byte[] {10});
        writeFashion("t10k", 1, new byte[] {0});
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> FashionMnist.readRaw(tmp));
        assertTrue(e.getMessage().contains("train-labels-idx1-ubyte.gz: [0]: label 10"), e.getMessage());
    }

    private void writeFashion(String split, int n, byte[] labels) throws IOException {
        byte[] pixels = new byte[n * 784];
        for (int i = 0; i < pixels.length; i++) pixels[i] = (byte) i;
        write(split + "-images-idx3-ubyte.gz", idx(new int[] {n, 28, 28}, pixels), true);
        write(split + "-labels-idx1-ubyte.gz", idx(new int[] {n}, labels), true);
    }

    private static byte[] idx(int[] dims, byte[] data) throws IOException {
        return idx(dims, data, 0x08);
    }

    private static byte[] idx(int[] dims, byte[] data, int type) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt((type << 8) | dims.length);
        for (int d : dims) out.writeInt(d);
        out.write(data);
        return bytes.toByteArray();
    }

    private Path write(String name, byte[] bytes, boolean gzip) throws IOException {
        Path file = tmp.resolve(name);
        try (OutputStream out = gzip ? new GZIPOutputStream(Files.newOutputStream(file)) : Files.newOutputStream(file)) {
            out.write(bytes);
        }
        return file;
    }
}
