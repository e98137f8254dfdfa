package org.infomorph.compiler;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.infomorph.json.InputException;
import org.infomorph.json.StrictJson;

/**
 * Writes a command's output so that nothing the user has is lost: the output is built in a
 * temporary sibling directory (or file) and renamed into place only when complete, so a failure
 * leaves the old output, and any other file, as it was.
 *
 * <p>An output directory must be new, empty, or hold an earlier output of the same {@link Kind}
 * and nothing else (it is then replaced whole, so no file of the earlier output is left behind);
 * {@code --force} replaces any directory. An output is never written onto, into or around an input
 * (not even with {@code --force}), and never through a symbolic link. An empty or unusable path is
 * one clear line. Commands call {@link #check} before their work and {@link #write} after it.
 */
public final class SafeOutput {
    /** The outputs infomorph writes, recognised by what they hold. */
    public enum Kind {
        TRAINED("a trained network", "network.json", "infomorph-trained/1", Set.of("network.json", "weights.bin")),
        IMAGE("an image", "image.json", "infomorph-image/1",
                Set.of("image.json", "memory.bin", "checksums.sha256", "mapping.json", "generator.json", "target.json", "mem")),
        PID_ERROR("a pid-error sweep", "pid-error.csv", null, Set.of("pid-error.csv", "pid-error.png", "index.html")),
        /** A report folder (infomorph demo --report, verify --report): the self-contained page. */
        REPORT("a report", "index.html", null, Set.of("index.html"));

        final String what, marker, format;
        final Set<String> files;

        Kind(String what, String marker, String format, Set<String> files) {
            this.what = what;
            this.marker = marker;
            this.format = format;
            this.files = files;
        }
    }

    /** Writes the output into the (new, empty) directory it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(Path dir) throws IOException;
    }

    private SafeOutput() {}

    /**
     * Checks an output directory before the command's work, so a mistake costs nothing.
     *
     * @param option the option that named it, for messages (e.g. {@code --out})
     * @param inputs every path the command reads (files or directories)
     * @return the directory, absolute and normalised
     */
    public static Path check(String option, Path out, Kind kind, boolean force, List<Path> inputs) {
        Path abs = usable(option, out), cmp = realish(abs);
        for (Path in : inputs) {
            if (in == null || in.toString().isEmpty()) continue;
            Path real = real(in);
            if (real.equals(cmp) || real.startsWith(cmp))
                throw refuse(option, out, "holds the input " + in + ", which would be replaced; give a directory that holds no input");
            if (cmp.startsWith(real))
                throw refuse(option, out, "lies inside the input " + in + "; give a directory outside every input");
        }
        if (Files.isSymbolicLink(abs)) throw refuse(option, out, "is a symbolic link; give a real directory");
        if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS) && !Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS))
            throw refuse(option, out, "is a file, not a directory; give a directory path (" + kind.what + " is a directory)");
        if (Files.isDirectory(abs, LinkOption.NOFOLLOW_LINKS) && !force) {
            List<String> names = list(option, out, abs);
            if (!names.isEmpty()) {
                if (!names.contains(kind.marker) || !sameKind(abs.resolve(kind.marker), kind))
                    throw refuse(option, out, "is not empty and holds no earlier output of this command (" + kind.what + "); give a new or empty directory, or add --force to replace it");
                List<String> foreign = names.stream().filter(n -> !kind.files.contains(n)).sorted().toList();
                if (!foreign.isEmpty())
                    throw refuse(option, out, "holds " + kind.what + " but also " + String.join(", ", foreign.subList(0, Math.min(3, foreign.size())))
                            + (foreign.size() > 3 ? " and " + (foreign.size() - 3) + " more" : "") + ", which replacing it would delete; move them, or add --force");
            }
        }
        return abs;
    }

    /** Checks again ({@link #check}), then writes the output through a temporary sibling and renames it into place. */
    public static Path write(String option, Path out, Kind kind, boolean force, List<Path> inputs, Writer writer) throws IOException {
        Path abs = check(option, out, kind, force, inputs);
        Path parent = parent(option, out, abs);
        Path tmp = sibling(option, out, parent, abs, "tmp");
        try {
            writer.write(tmp);
        } catch (IOException | RuntimeException | Error e) {
            deleteTree(tmp);
            throw e;
        }
        replace(option, out, abs, tmp, parent);
        return abs;
    }

    /**
     * Checks an output file (e.g. a waveform) before the work: not empty, not a directory, link or
     * input, and if it exists, a file this command wrote before ({@code looksLikeOurs}).
     */
    public static Path checkFile(String option, Path out, List<Path> inputs, String what, String magic) {
        Path abs = usable(option, out), cmp = realish(abs);
        for (Path in : inputs) {
            if (in == null || in.toString().isEmpty()) continue;
            Path real = real(in);
            if (real.equals(cmp) || cmp.startsWith(real)) throw refuse(option, out, "is (or lies inside) the input " + in + "; give another file name");
        }
        if (Files.isSymbolicLink(abs)) throw refuse(option, out, "is a symbolic link; give a real file name");
        if (Files.isDirectory(abs)) throw refuse(option, out, "is a directory; give a file name for " + what);
        if (Files.exists(abs) && !startsWith(abs, magic))
            throw refuse(option, out, "exists and is not " + what + "; give another file name, or move the file");
        return abs;
    }

    /** A temporary sibling path for an output file; move it into place with {@link #moveIntoPlace}. */
    public static Path temporaryFile(String option, Path out) {
        Path abs = usable(option, out);
        return parent(option, out, abs).resolve("." + abs.getFileName() + ".tmp-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
    }

    public static void moveIntoPlace(Path tmp, Path out) throws IOException {
        Files.move(tmp, out.toAbsolutePath().normalize(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Removes a temporary file left by a failed write, if any; a leftover hidden file is harmless, so a failure here is ignored. */
    public static void discard(Path tmp) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            // harmless: a hidden sibling the next write ignores
        }
    }

    private static Path usable(String option, Path out) {
        if (out == null || out.toString().isBlank())
            throw new InvalidInputException(option + ": an empty path was given; give a path, e.g. " + option + " run1");
        Path abs = out.toAbsolutePath().normalize();
        if (abs.getParent() == null || abs.getFileName() == null || abs.getFileName().toString().startsWith(".."))
            throw refuse(option, out, "cannot be replaced; give a path below a directory, e.g. " + option + " run1");
        return abs;
    }

    /** The real path of an input (links resolved), or its normalised absolute path if it does not exist. */
    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    /** The path with its longest existing prefix resolved to the real path (links followed), the rest as given. */
    private static Path realish(Path abs) {
        Path existing = abs;
        while (existing != null && !Files.exists(existing)) existing = existing.getParent();
        if (existing == null) return abs;
        try {
            return existing.toRealPath().resolve(existing.relativize(abs));
        } catch (IOException e) {
            return abs;
        }
    }

    private static Path parent(String option, Path out, Path abs) {
        Path parent = abs.getParent();
        try {
            Files.createDirectories(parent);
            return parent.toRealPath();
        } catch (FileAlreadyExistsException e) {
            throw refuse(option, out, "cannot be created: " + e.getFile() + " is a file, not a directory; give another path");
        } catch (AccessDeniedException e) {
            throw refuse(option, out, "cannot be created in " + parent + " (permission denied); give a writable place");
        } catch (FileSystemException e) {
            throw refuse(option, out, "cannot be created in " + parent + " (" + reason(e) + "); give a writable place");
        } catch (IOException e) {
            throw refuse(option, out, "cannot be created in " + parent + " (" + org.infomorph.json.IoReasons.of(e) + ")");
        }
    }

    private static Path sibling(String option, Path out, Path parent, Path abs, String tag) {
        for (int attempt = 0; ; attempt++) {
            Path p = parent.resolve("." + abs.getFileName() + "." + tag + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
            try {
                return Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (attempt > 100) throw new IllegalStateException("cannot make a temporary directory in " + parent);
            } catch (AccessDeniedException e) {
                throw refuse(option, out, "cannot be written in " + parent + " (permission denied); give a writable place");
            } catch (IOException e) {
                throw refuse(option, out, "cannot be written in " + parent + " (" + reason(e) + "); give a writable place");
            }
        }
    }

    /** Renames {@code tmp} to {@code abs}; an existing {@code abs} is moved aside first and deleted only after. */
    private static void replace(String option, Path out, Path abs, Path tmp, Path parent) throws IOException {
        Path old = null;
        try {
            if (Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) {
                old = parent.resolve("." + abs.getFileName() + ".old-" + Long.toHexString(ThreadLocalRandom.current().nextLong()));
                Files.move(abs, old, StandardCopyOption.ATOMIC_MOVE);
            }
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (old != null && !Files.exists(abs, LinkOption.NOFOLLOW_LINKS)) Files.move(old, abs, StandardCopyOption.ATOMIC_MOVE);
            deleteTree(tmp);
            throw refuse(option, out, "cannot be replaced (" + reason(e) + "); nothing was changed");
        }
        if (old != null) deleteTree(old);
    }

    private static List<String> list(String option, Path out, Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            List<String> names = new ArrayList<>();
            s.forEach(p -> names.add(p.getFileName().toString()));
            return names;
        } catch (IOException e) {
            throw refuse(option, out, "cannot be listed (" + reason(e) + "); give a readable directory");
        }
    }

    private static boolean sameKind(Path marker, Kind kind) {
        if (!Files.isRegularFile(marker, LinkOption.NOFOLLOW_LINKS)) return false;
        if (kind.format == null) return true;
        try {
            JsonNode n = StrictJson.read(marker, "manifest", InvalidInputException.ERRORS);
            return n.isObject() && n.path("format").isTextual() && n.path("format").textValue().equals(kind.format);
        } catch (InputException e) {
            return false;
        }
    }

    private static boolean startsWith(Path file, String magic) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] m = magic.getBytes(StandardCharsets.US_ASCII);
            byte[] head = in.readNBytes(m.length);
            return java.util.Arrays.equals(head, m);
        } catch (IOException e) {
            return false;
        }
    }

    private static InvalidInputException refuse(String option, Path out, String problem) {
        return new InvalidInputException(option + " " + out + ": " + problem);
    }

    private static String reason(IOException e) {
        return org.infomorph.json.IoReasons.of(e);
    }

    /** Deletes a directory tree this class created (temporary or replaced output); best effort. */
    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) return;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | RuntimeException e) {
            // a leftover hidden sibling is harmless; the user's output is in place
        }
    }
}
