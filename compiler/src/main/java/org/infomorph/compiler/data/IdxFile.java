package org.infomorph.compiler.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.infomorph.compiler.InvalidInputException;

/**
 * An IDX file of unsigned bytes (the MNIST format), gzipped or not.
 *
 * <p>Format: magic {@code 0x00 0x00 0x08 D} (type 0x08 = unsigned byte, D = number of dimensions),
 * then D big-endian 32-bit sizes, then the product of the sizes bytes, row-major. A file starting
 * with the gzip magic {@code 1f 8b} is decompressed first. Trailing bytes are an error.
 *
 * @param dims the sizes, outermost first (e.g. {@code [60000, 28, 28]})
 * @param data the values 0..255 as stored (use {@code & 0xff})
 */
public record IdxFile(int[] dims, byte[] data) {
    private static final int UNSIGNED_BYTE = 0x08;

    /** Number of items (the first dimension). */
    public int items() {
        return dims[0];
    }

    /** Values per item (the product of the other dimensions). */
    public int itemSize() {
        int size = 1;
        for (int i = 1; i < dims.length; i++) size *= dims[i];
        return size;
    }

    /** Reads and checks {@code file}; any problem is an {@link InvalidInputException} naming the file. */
    public static IdxFile read(Path file) {
        if (!Files.isRegularFile(file)) throw InvalidInputException.at(file.toString(), null, "missing");
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            raw.mark(2);
            boolean gzip = raw.read() == 0x1f && raw.read() == 0x8b;
            raw.reset();
            DataInputStream in = new DataInputStream(gzip ? new GZIPInputStream(raw, 1 << 16) : raw);
            int magic = in.readInt();
            int type = (magic >>> 8) & 0xff;
            int rank = magic & 0xff;
            if ((magic >>> 16) != 0 || type != UNSIGNED_BYTE || rank < 1) {
                throw bad(file, String.format("magic 0x%08x is not an unsigned-byte IDX header (0x000008DD)", magic));
            }
            int[] dims = new int[rank];
            long total = 1;
            for (int i = 0; i < rank; i++) {
                dims[i] = in.readInt();
                if (dims[i] < 0) throw bad(file, "dimension " + i + " is negative (" + dims[i] + ")");
                total *= dims[i];
                if (total > Integer.MAX_VALUE - 16) throw bad(file, "too large (" + total + "+ values)");
            }
            byte[] data = new byte[(int) total];
            in.readFully(data);
            if (in.read() >= 0) throw bad(file, "has bytes after the " + total + " values its header declares");
            return new IdxFile(dims, data);
        } catch (EOFException e) {
            throw bad(file, "truncated: shorter than its header declares");
        } catch (IOException e) {
            throw bad(file, "unreadable (" + e.getMessage() + ")");
        }
    }

    private static InvalidInputException bad(Path file, String problem) {
        return InvalidInputException.at(file.toString(), null, problem + "; reinstall the data set's package");
    }
}
