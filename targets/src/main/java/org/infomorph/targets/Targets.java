package org.infomorph.targets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * The built-in target descriptors (JSON resources next to this class) and the choice between a
 * built-in name ({@code --target}) and a user file ({@code --target-file}).
 */
public final class Targets {
    /** The default target when neither a name nor a file is given. */
    public static final String DEFAULT = "verilator";

    private static final List<String> BUILT_IN =
            List.of("verilator", "ice40up5k-icebreaker", "ecp5-85f-ulx3s", "xc7a35t-arty-a7");

    private Targets() {}

    /** The names of the built-in descriptors, simulator first. */
    public static List<String> builtInNames() {
        return BUILT_IN;
    }

    /**
     * The built-in descriptor called {@code name}.
     *
     * @throws TargetException if there is no such built-in (the message lists the names)
     */
    public static TargetDescriptor builtIn(String name) {
        if (!BUILT_IN.contains(name)) {
            throw TargetException.at(null, null, "unknown target " + (name == null ? "null" : "'" + name + "'"),
                    "use one of " + String.join(", ", BUILT_IN) + ", or --target-file FILE");
        }
        String resource = name + ".json";
        String label = "built-in target " + resource;
        String json;
        try (InputStream in = Targets.class.getResourceAsStream(resource)) {
            if (in == null) throw new IllegalStateException(label + " is missing from the jar");
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + label, e);
        }
        TargetDescriptor d = TargetJson.read(json, label);
        if (!d.name().equals(name)) {
            throw new IllegalStateException(label + " names itself '" + d.name() + "'");
        }
        return d;
    }

    /** A user descriptor file ({@code --target-file}); every problem is a {@link TargetException}. */
    public static TargetDescriptor load(Path file) {
        return TargetJson.read(file);
    }

    /**
     * The target chosen by {@code --target NAME} or {@code --target-file FILE}: at most one of them may
     * be given; with neither, the {@value #DEFAULT} built-in.
     *
     * @throws TargetException if both are given, the name is unknown, or the file is invalid
     */
    public static TargetDescriptor resolve(String nameOrNull, Path fileOrNull) {
        if (nameOrNull != null && fileOrNull != null) {
            throw TargetException.at(null, null, "both --target " + nameOrNull + " and --target-file " + fileOrNull + " given",
                    "give one of them");
        }
        if (fileOrNull != null) return load(fileOrNull);
        return builtIn(nameOrNull == null ? DEFAULT : nameOrNull);
    }
}
