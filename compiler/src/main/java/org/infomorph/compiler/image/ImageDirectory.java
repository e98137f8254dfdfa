package org.infomorph.compiler.image;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.json.JsonDiff;
import org.infomorph.json.JsonFields;
import org.infomorph.json.JsonPaths;
import org.infomorph.json.StrictJson;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.targets.TargetJson;

/**
 * An image directory checked whole. Beyond {@link ImageStore#load} (checksums, manifest, memory),
 * a compiled image's derived files must equal what {@code infomorph compile} writes now for the
 * image's network, architecture and target: the compilation is recomputed from {@code image.json}
 * and {@value CompiledImage#TARGET} (in the mode {@value CompiledImage#MAPPING} records), and
 * {@value CompiledImage#MAPPING} and {@value CompiledImage#GENERATOR} are compared with it as JSON
 * trees, every {@code mem/} file byte for byte with the blocks of {@code memory.bin}. The first
 * difference is one line naming the file and the field (or the line of a memory file). So a file
 * edited and re-hashed is caught as surely as a damaged one, and whatever these files come to hold,
 * the check follows the compiler.
 *
 * @param compilation the recomputed compilation of a compiled image; null for an image from quantize
 */
public record ImageDirectory(Image image, Compilation compilation) {
    private static final String AGAIN = "the image was changed after compiling: compile it again";

    public Optional<Compilation> compiled() {
        return Optional.ofNullable(compilation);
    }

    public static ImageDirectory load(Path dir) {
        Image image = ImageStore.load(dir);
        String[] derived = {CompiledImage.MAPPING, CompiledImage.GENERATOR, CompiledImage.TARGET, CompiledImage.MEMORIES};
        boolean compiled = Arrays.stream(derived).anyMatch(f -> Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS));
        if (!compiled) return new ImageDirectory(image, null);
        for (String f : derived)
            if (!Files.exists(dir.resolve(f), LinkOption.NOFOLLOW_LINKS))
                throw InvalidInputException.at(dir.resolve(f).toString(), null, "is missing; a compiled image holds " + String.join(", ", derived) + ": " + AGAIN);
        TargetDescriptor target = TargetJson.read(dir.resolve(CompiledImage.TARGET));
        Path mappingFile = dir.resolve(CompiledImage.MAPPING);
        JsonNode mapping = StrictJson.read(mappingFile, "mapping", InvalidInputException.ERRORS);
        Compilation c = Compilation.of(image.network(), image.arch(), target, mode(mapping, mappingFile.toString()));
        if (!c.fits())
            throw InvalidInputException.at(dir.resolve(ImageStore.MANIFEST).toString(), null, "the network does not fit target " + target.name()
                    + " (compile would refuse it): " + AGAIN);
        same(CompiledImage.mapping(c), mapping, mappingFile);
        Path generatorFile = dir.resolve(CompiledImage.GENERATOR);
        same(c.mapping().generator().toTree(), StrictJson.read(generatorFile, "generator parameters", InvalidInputException.ERRORS), generatorFile);
        memories(MemoryImages.files(MemoryImages.of(image, c.mapping())), dir.resolve(CompiledImage.MEMORIES));
        return new ImageDirectory(image, c);
    }

    private static Mode mode(JsonNode mapping, String file) {
        JsonNode m = mapping.isObject() ? mapping.get("mode") : null;
        for (Mode mode : Mode.values()) if (m != null && m.isTextual() && m.textValue().equals(mode.toString())) return mode;
        throw InvalidInputException.at(file, "mode", "must be \"learn\" or \"infer\", got " + JsonFields.describe(m) + "; " + AGAIN);
    }

    private static void same(JsonNode expected, JsonNode actual, Path file) {
        Optional<JsonDiff.Difference> d = JsonDiff.first(expected, actual);
        if (d.isPresent())
            throw InvalidInputException.at(file.toString(), d.get().path().isEmpty() ? "$" : d.get().path(), "is " + d.get().actual()
                    + " but compiling image.json's network and architecture for target.json gives " + d.get().expected() + "; " + AGAIN);
    }

    /** Every memory file as compile writes it from memory.bin, and no other. */
    private static void memories(Map<String, byte[]> expected, Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS))
            throw InvalidInputException.at(dir.toString(), null, "is not a directory; " + AGAIN);
        Map<String, Path> actual = new TreeMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.forEach(p -> actual.put(p.getFileName().toString(), p));
        } catch (IOException e) {
            throw InvalidInputException.at(dir.toString(), null, "cannot be listed (" + org.infomorph.json.IoReasons.of(e) + "); check its permissions");
        }
        for (String name : expected.keySet())
            if (!actual.containsKey(name))
                throw InvalidInputException.at(dir.resolve(name).toString(), null, "is missing (memory.bin has this block); " + AGAIN);
        for (Map.Entry<String, Path> e : actual.entrySet()) {
            byte[] want = expected.get(e.getKey());
            if (want == null)
                throw InvalidInputException.at(e.getValue().toString(), null, "is not a block of this image's memory (is it left from another compile?); " + AGAIN);
            byte[] got;
            try {
                if (Files.size(e.getValue()) != want.length)
                    throw InvalidInputException.at(e.getValue().toString(), null, "has " + Files.size(e.getValue()) + " bytes but memory.bin gives "
                            + want.length + "; " + AGAIN);
                got = Files.readAllBytes(e.getValue());
            } catch (IOException ex) {
                throw InvalidInputException.at(e.getValue().toString(), null, "cannot be read (" + org.infomorph.json.IoReasons.of(ex) + ")");
            }
            int at = Arrays.mismatch(want, got);
            if (at >= 0) throw InvalidInputException.at(e.getValue().toString(), where(e.getKey(), want, at), "differs from memory.bin; " + AGAIN);
        }
    }

    /** "line N" of a hex file, "byte N" of a binary one. */
    private static String where(String name, byte[] content, int at) {
        if (!name.endsWith(".hex")) return "byte " + at;
        int line = 1;
        for (int i = 0; i < at; i++) if (content[i] == '\n') line++;
        String expected = new String(content, StandardCharsets.US_ASCII).split("\n", -1)[line - 1];
        return "line " + line + " (memory.bin gives " + JsonPaths.quote(expected) + ")";
    }
}
