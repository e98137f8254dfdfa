package org.infomorph.compiler.data;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.infomorph.compiler.InvalidInputException;

/**
 * Extracts regular files from a gzipped ustar archive such as the one {@code npm pack} writes.
 *
 * <p>Only what npm tarballs use is supported: 512-byte headers, octal sizes, the ustar
 * {@code prefix} field, type {@code '0'} or NUL for files. Other entries (directories, links,
 * pax headers) are skipped. Entry names with {@code ..} or a leading {@code /} are refused.
 */
final class TarGz {
    private static final int BLOCK = 512;

    private TarGz() {}

    /**
     * Writes each regular file whose archive name passes {@code keep} under {@code target}
     * (keeping its relative path) and returns the archive names written.
     */
    static List<String> extract(Path archive, Path target, Predicate<String> keep) {
        List<String> written = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(archive)))) {
            byte[] header = new byte[BLOCK];
            while (true) {
                if (in.readNBytes(header, 0, BLOCK) < BLOCK) throw new EOFException("archive ends inside a header");
                if (isZero(header)) break;
                String name = entryName(header);
                long size = octal(header, 124, 12, archive);
                byte type = header[156];
                long padded = (size + BLOCK - 1) / BLOCK * BLOCK;
                boolean regular = type == '0' || type == 0;
                if (regular && keep.test(name)) {
                    Path out = safeResolve(target, name, archive);
                    Files.createDirectories(out.getParent());
                    try (var os = Files.newOutputStream(out)) {
                        copy(in, os, size);
                    }
                    skip(in, padded - size);
                    written.add(name);
                } else {
                    skip(in, padded);
                }
            }
        } catch (IOException e) {
            throw InvalidInputException.at(archive.toString(), null,
                    "not a readable .tgz (" + e.getMessage() + "): delete it and fetch again");
        }
        return written;
    }

    private static String entryName(byte[] h) {
        String name = field(h, 0, 100);
        // Only POSIX ustar ("ustar" NUL) has a name prefix here; GNU tar keeps other data there.
        boolean posix = field(h, 257, 6).equals("ustar");
        String prefix = posix ? field(h, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String field(byte[] h, int offset, int length) {
        int end = offset;
        while (end < offset + length && h[end] != 0) end++;
        return new String(h, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] h, int offset, int length, Path archive) {
        String text = field(h, offset, length).trim();
        try {
            return Long.parseLong(text, 8);
        } catch (NumberFormatException e) {
            throw InvalidInputException.at(archive.toString(), null,
                    "bad tar header size field '" + text + "': the archive is corrupt, delete it and fetch again");
        }
    }

    private static Path safeResolve(Path target, String name, Path archive) {
        Path out = target.resolve(name).normalize();
        if (name.startsWith("/") || !out.startsWith(target.normalize())) {
            throw InvalidInputException.at(archive.toString(), null, "entry '" + name + "' escapes the target directory");
        }
        return out;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) if (b != 0) return false;
        return true;
    }

    private static void copy(InputStream in, java.io.OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[8192];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) throw new EOFException("archive ends inside a file");
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long n = in.skip(left);
            if (n <= 0) {
                if (in.read() < 0) throw new EOFException("archive ends inside a file");
                n = 1;
            }
            left -= n;
        }
    }
}
