package org.infomorph.compiler;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The toolchain's version, from the build (Maven's project version, filtered into a resource): what
 * {@code infomorph --version} prints and what every written file records as its tool.
 */
public final class Version {
    /** e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String VERSION = load();
    /** The tool string written into files, e.g. {@code infomorph 0.1.0-SNAPSHOT}. */
    public static final String TOOL = "infomorph " + VERSION;

    private Version() {}

    private static String load() {
        try (InputStream in = Version.class.getResourceAsStream("version.properties")) {
            Properties p = new Properties();
            if (in != null) p.load(in);
            String v = p.getProperty("version", "");
            if (v.isEmpty() || v.startsWith("${")) throw new IllegalStateException("version.properties was not filtered by the build");
            return v;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read version.properties", e);
        }
    }
}
