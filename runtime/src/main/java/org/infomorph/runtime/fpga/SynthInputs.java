package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * What {@code infomorph synth} and the calibration take from the rest of the toolchain, each in
 * one function: the generator parameters of an image, the RTL of those parameters and the
 * compiler's estimate. A new generator or estimate plugs in here and nowhere else.
 */
public final class SynthInputs {
    private SynthInputs() {}

    /** An emitted design: the Verilog file and its top module. */
    public record Rtl(Path file, String top) {}

    /**
     * {@code image} compiled for a target with the compiler's unit count, or {@code units} when
     * given: the one design that synth, fpga build and verify on a board agree on.
     */
    public static Compilation compile(Image image, org.infomorph.targets.TargetDescriptor target, org.infomorph.compiler.mapping.Mode mode, Integer units) {
        return units != null ? Compilation.withUnits(image.network(), image.arch(), target, mode, units)
                : Compilation.of(image.network(), image.arch(), target, mode);
    }

    /** The generator parameters of {@code image} compiled for a target: the compilation's own (its generator.json). */
    public static GeneratorParams generator(Image image, Compilation compilation) {
        return compilation.mapping().generator();
    }

    /** Emits the RTL of {@code p} into {@code dir} (kept when unchanged): today SimBuild's LluArray.sv, from the Chisel generator. */
    public static Rtl rtl(GeneratorParams p, Path dir) {
        return new Rtl(SimBuild.defaults().emitVerilog(p, dir), top());
    }

    /** The synthesis shell with few pins around the array (org.infomorph.shell.HostShell, Chisel): what place and route reads. */
    public static final String SHELL_TOP = "HostShell";
    /** Flip-flops the shell adds: one shift register over the host port's op, addr and wdata. */
    public static final int SHELL_FLIP_FLOPS = org.infomorph.compiler.rtl.RtlContract.OP_BITS + org.infomorph.compiler.rtl.RtlContract.ADDR_BITS
            + org.infomorph.compiler.rtl.RtlContract.DATA_BITS;

    /** Emits the array inside its pin shell ({@link #SHELL_TOP}.sv: the shell, the array and its memories) into {@code dir}. */
    public static Rtl shell(GeneratorParams p, Path dir) {
        return new Rtl(SimBuild.defaults().emitVerilog(p, dir, "org.infomorph.shell.EmitShell", SHELL_TOP), SHELL_TOP);
    }

    /** The top module of the emitted RTL. */
    public static String top() {
        return SimBuild.TOP;
    }

    /**
     * What, besides the parameters, decides the emitted RTL (a cache key part): SHA-256 of the
     * generator's class files (names and contents, not the jar's timestamps, so a rebuild of the
     * same sources keeps the cache).
     */
    public static String generatorVersion() {
        return classesVersion("org/infomorph/hw/", top());
    }

    /** The same for the pin shell's classes (a cache key part of place and route). */
    public static String shellVersion() {
        return classesVersion("org/infomorph/shell/", SHELL_TOP);
    }

    private static String classesVersion(String pkg, String anyClass) {
        URL u = SynthInputs.class.getClassLoader().getResource(pkg + anyClass + ".class");
        if (u == null) throw new SimException(pkg.replace('/', '.') + anyClass + " is missing from the class path (infomorph-hw-sim jar); rebuild infomorph");
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try {
            Map<String, byte[]> files = new TreeMap<>();
            if ("jar".equals(u.getProtocol())) {
                try (JarFile jar = new JarFile(Path.of(((JarURLConnection) u.openConnection()).getJarFileURL().toURI()).toFile())) {
                    for (JarEntry e : java.util.Collections.list(jar.entries()))
                        if (!e.isDirectory() && e.getName().startsWith(pkg)) files.put(e.getName().substring(pkg.length()), jar.getInputStream(e).readAllBytes());
                }
            } else {
                Path folder = Path.of(u.toURI()).getParent();
                try (Stream<Path> all = Files.walk(folder)) {
                    for (Path f : all.filter(Files::isRegularFile).toList()) files.put(folder.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                }
            }
            files.forEach((name, bytes) -> {
                md.update(name.getBytes(StandardCharsets.UTF_8));
                md.update(bytes);
            });
        } catch (IOException | URISyntaxException e) {
            throw new SimException("cannot read the generator's classes: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * The compiler's estimate per figure: {@code lut}, {@code dsp} and the target's memory-kind
     * names (blocks); absent figures have no estimate. Today: the compilation's {@link
     * org.infomorph.compiler.mapping.Estimates}.
     */
    public static Map<String, Double> estimate(Compilation c) {
        Map<String, Double> e = new LinkedHashMap<>();
        e.put("lut", (double) c.estimates().lutEstimate());
        e.put("ff", (double) c.estimates().ffEstimate());
        e.put("dsp", (double) c.estimates().dspsUsed());
        for (var m : c.target().memories()) e.put(m.name(), c.estimates().memoryBlocks().getOrDefault(m.name(), 0.0));
        return e;
    }
}
