package org.infomorph.distributed.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The jars a standalone cluster's executors need beyond Spark's own: infomorph's modules and the
 * libraries they use that a Spark 4 installation does not carry. They are found by the classes
 * they hold, so the list follows the build; a class folder (a test run from the build tree) is
 * packed into a temporary jar, since Spark ships only files.
 */
public final class ShippedJars {
    /** One class from each jar the tasks load that a Spark 4.0 installation lacks. */
    static final List<String> MARKERS = List.of(
            "org.infomorph.distributed.eval.Evaluator",
            "org.infomorph.runtime.reference.ReferenceDevice",
            "org.infomorph.compiler.network.NetworkSpec",
            "org.infomorph.targets.TargetDescriptor",
            "org.infomorph.json.StrictJson");

    private ShippedJars() {}

    /** Where the marker classes come from (jars or class folders), without duplicates; absent markers are skipped. */
    public static List<Path> sources() {
        Set<Path> out = new LinkedHashSet<>();
        for (String name : MARKERS) {
            try {
                CodeSource cs = Class.forName(name, false, ShippedJars.class.getClassLoader()).getProtectionDomain().getCodeSource();
                if (cs != null && cs.getLocation() != null) out.add(Path.of(cs.getLocation().toURI()).toAbsolutePath());
            } catch (ClassNotFoundException e) {
                // that library is not used by this build: nothing to ship
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return List.copyOf(out);
    }

    /** The files to put in {@code spark.jars}: each source jar as is, each class folder packed into a jar under {@code scratch}. */
    public static List<String> jars(Path scratch) {
        List<String> out = new ArrayList<>();
        for (Path p : sources()) out.add((Files.isDirectory(p) ? pack(p, scratch) : p).toString());
        return out;
    }

    private static Path pack(Path dir, Path scratch) {
        try {
            Files.createDirectories(scratch);
            Path jar = Files.createTempFile(scratch, dir.getParent().getFileName() + "-", ".jar");
            try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os); Stream<Path> files = Files.walk(dir)) {
                for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile).sorted()::iterator) {
                    out.putNextEntry(new JarEntry(dir.relativize(f).toString().replace('\\', '/')));
                    Files.copy(f, out);
                    out.closeEntry();
                }
            }
            jar.toFile().deleteOnExit();
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + dir + " for the executors", e);
        }
    }
}
