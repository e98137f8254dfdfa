package org.infomorph.runtime.cli.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Mutations of a directory input (a trained network or an image): one file mutated (JSON files by
 * {@link JsonMutator}, binary ones byte by byte), deleted, or joined by a stray file; then, half the
 * time, the hashes repaired as an attacker would (the manifest's SHA-256 and the checksum file), so
 * the deeper checks must catch what the hashes no longer do.
 */
final class DirMutator {
    private static final ObjectMapper JSON = new ObjectMapper();

    private DirMutator() {}

    /** Mutates the copy in {@code dir} in place; {@code manifest} and {@code data} name the hash pair to repair. */
    static void mutate(Path dir, String manifest, String data, SplittableRandom r) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        Path f = files.get(r.nextInt(files.size()));
        switch (r.nextInt(10)) {
            case 0 -> Files.delete(f);
            case 1 -> {
                Path stray = dir.resolve(List.of("notes.txt", "mem/extra.hex", "x.json").get(r.nextInt(3)));
                Files.createDirectories(stray.getParent());
                Files.writeString(stray, "stray\n");
            }
            default -> {
                byte[] b = Files.readAllBytes(f);
                boolean json = f.toString().endsWith(".json");
                Files.write(f, json ? JsonMutator.mutate(new String(b, StandardCharsets.UTF_8), r) : bytes(b, r));
            }
        }
        if (r.nextBoolean()) repair(dir, manifest, data);
    }

    /** Byte mutations of a binary or text file: truncation, appended bytes, flipped bits, emptied, replaced by JSON, doubled. */
    static byte[] bytes(byte[] b, SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> java.util.Arrays.copyOf(b, b.length == 0 ? 0 : r.nextInt(b.length));
            case 1 -> {
                byte[] out = java.util.Arrays.copyOf(b, b.length + 1 + r.nextInt(64));
                for (int i = b.length; i < out.length; i++) out[i] = (byte) r.nextInt(256);
                yield out;
            }
            case 2 -> {
                byte[] out = b.clone();
                for (int i = 0; i < 1 + r.nextInt(8) && out.length > 0; i++) out[r.nextInt(out.length)] ^= (byte) (1 << r.nextInt(8));
                yield out;
            }
            case 3 -> new byte[0];
            case 4 -> "{\"format\": \"x\"}".getBytes(StandardCharsets.UTF_8);
            default -> {
                byte[] out = java.util.Arrays.copyOf(b, 2 * b.length);
                System.arraycopy(b, 0, out, b.length, b.length);
                yield out;
            }
        };
    }

    /** Re-hashes as an attacker would: the data file's SHA-256 in the manifest (if it parses) and the checksum file (if any). */
    static void repair(Path dir, String manifest, String data) throws IOException {
        Path m = dir.resolve(manifest), d = dir.resolve(data);
        if (Files.isRegularFile(m) && Files.isRegularFile(d)) {
            try {
                JsonNode n = JSON.readTree(Files.readString(m));
                if (n instanceof ObjectNode o && o.has("sha256")) {
                    o.put("sha256", FuzzCase.sha(Files.readAllBytes(d)));
                    Files.writeString(m, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(o));
                }
            } catch (IOException | RuntimeException e) {
                // a manifest the mutation broke stays broken
            }
        }
        Path sums = dir.resolve("checksums.sha256");
        if (!Files.exists(sums)) return;
        TreeMap<String, String> h = new TreeMap<>();
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!rel.equals("checksums.sha256")) h.put(rel, FuzzCase.sha(Files.readAllBytes(p)));
            }
        }
        StringBuilder sb = new StringBuilder();
        h.forEach((k, v) -> sb.append(v).append("  ").append(k).append('\n'));
        Files.writeString(sums, sb.toString());
    }
}
