package org.infomorph.runtime.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.infomorph.compiler.data.DataCache;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * Builds the Verilator simulation library of {@code LluArray} for some generator parameters and
 * caches it under {@code <cache>/sim/<hash>[-trace]/} ({@code <cache>} = {@code $INFOMORPH_CACHE},
 * else {@code $XDG_CACHE_HOME/infomorph}, else {@code ~/.cache/infomorph}).
 *
 * <p>A build: write {@code generator.json}; emit {@code LluArray.sv} in a forked JVM ({@code
 * org.infomorph.hw.Emit}, which keeps the file when unchanged); extract the shim from the hw-sim
 * jar; run verilator (toolchain notes). The folder's {@code build.stamp} names what was built (the
 * parameters, the shim, the generator's classes); the library is reused while it matches. A file
 * lock makes concurrent builds of one folder safe across JVMs.
 */
public final class SimBuild {
    public static final String LIBRARY = "libifmsim.so";
    public static final String TOP = "LluArray";
    private static final String CPP = "org/infomorph/hw/cpp/";
    private static final String STAMP = "build.stamp";
    private static final System.Logger LOG = System.getLogger(SimBuild.class.getName());
    private static final Map<Path, Object> JVM_LOCKS = new ConcurrentHashMap<>();

    /** What {@link #build} produced: the library, its folder, whether it was reused, and timings. */
    public record Result(Path library, Path dir, boolean cacheHit, double emitSeconds, double compileSeconds) {}

    private final Path cacheRoot;
    private final String verilator;

    /**
     * @param cacheRoot the infomorph cache ({@code sim/} goes below it)
     * @param verilator the verilator executable: a path, or a name looked up on PATH
     */
    public SimBuild(Path cacheRoot, String verilator) {
        this.cacheRoot = cacheRoot.toAbsolutePath().normalize();
        this.verilator = verilator;
    }

    /** The cache of the environment and verilator from {@code -Dinfomorph.verilator}, {@code $INFOMORPH_VERILATOR} or PATH. */
    public static SimBuild defaults() {
        return new SimBuild(cacheRoot(), configured("infomorph.verilator", "INFOMORPH_VERILATOR", "verilator"));
    }

    /** The infomorph cache folder (the one the data sets use). */
    public static Path cacheRoot() {
        return DataCache.fromEnvironment().dir();
    }

    public Path cache() {
        return cacheRoot;
    }

    /** The folder of one build. */
    public Path dir(GeneratorParams p, boolean trace) {
        return cacheRoot.resolve("sim").resolve(p.hash() + (trace ? "-trace" : ""));
    }

    /** The cached library, built first when missing or stale. */
    public Result build(GeneratorParams p, boolean trace) {
        return build(p, trace, false);
    }

    /**
     * @param force emit and run verilator even when the stamp matches (an unchanged design then
     *              costs the emit and verilator's own up-to-date checks)
     */
    public Result build(GeneratorParams p, boolean trace, boolean force) {
        Path dir = dir(p, trace);
        Path lib = dir.resolve(LIBRARY);
        try {
            Files.createDirectories(dir);
            String json = p.toJson();
            byte[] shim = resource("shim.cpp");
            byte[] exports = resource("exports.map");
            byte[] contract = org.infomorph.compiler.rtl.RtlContract.cHeader().getBytes(StandardCharsets.UTF_8);
            String stamp = stamp(json, trace, shim, exports, contract);
            if (!force && current(dir, lib, stamp)) return new Result(lib, dir, true, 0, 0);
            synchronized (JVM_LOCKS.computeIfAbsent(dir, d -> new Object())) {
                try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock ignored = ch.lock()) {
                    if (!force && current(dir, lib, stamp)) return new Result(lib, dir, true, 0, 0);
                    String exe = findTool(verilator, "verilator", "run scripts/setup-sim (apt-get install verilator)");
                    Files.deleteIfExists(dir.resolve(STAMP));
                    writeIfChanged(dir.resolve("generator.json"), json.getBytes(StandardCharsets.UTF_8));
                    writeIfChanged(dir.resolve("shim.cpp"), shim);
                    writeIfChanged(dir.resolve("exports.map"), exports);
                    writeIfChanged(dir.resolve("ifm_contract.h"), contract);
                    LOG.log(System.Logger.Level.INFO, "building the simulation library {0} (a minute the first time)", dir);
                    long t0 = System.nanoTime();
                    emit(dir);
                    long t1 = System.nanoTime();
                    verilate(exe, dir, p.hash(), trace);
                    long t2 = System.nanoTime();
                    Path tmp = Files.createTempFile(dir, LIBRARY, ".tmp");
                    Files.copy(dir.resolve("obj").resolve(LIBRARY), tmp, StandardCopyOption.REPLACE_EXISTING);
                    Files.move(tmp, lib, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                    Files.writeString(dir.resolve(STAMP), stamp);
                    double emitS = (t1 - t0) / 1e9, compileS = (t2 - t1) / 1e9;
                    LOG.log(System.Logger.Level.INFO, String.format("simulation library built: emit %.1f s, verilate+compile %.1f s (%s)", emitS,
                            compileS, lib));
                    return new Result(lib, dir, false, emitS, compileS);
                }
            }
        } catch (IOException e) {
            throw new SimException("simulation build in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Writes {@code generator.json} and emits {@code LluArray.sv} into {@code dir} (no verilator); returns the .sv (kept when unchanged). */
    public Path emitVerilog(GeneratorParams p, Path dir) {
        return emitVerilog(p, dir, "org.infomorph.hw.Emit", TOP);
    }

    /** The same with another emitter ({@code mainClass <generator.json> <dir>}) that writes {@code <top>.sv}, e.g. a synthesis shell. */
    public Path emitVerilog(GeneratorParams p, Path dir, String mainClass, String top) {
        try {
            Files.createDirectories(dir);
            writeIfChanged(dir.resolve("generator.json"), p.toJson().getBytes(StandardCharsets.UTF_8));
            emit(dir, mainClass, top);
            return dir.resolve(top + ".sv");
        } catch (IOException e) {
            throw new SimException("emitting " + top + ".sv in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    private static boolean current(Path dir, Path lib, String stamp) throws IOException {
        Path s = dir.resolve(STAMP);
        return Files.isRegularFile(lib) && Files.isRegularFile(s) && Files.readString(s).equals(stamp);
    }

    /** Runs {@code org.infomorph.hw.Emit} in a forked JVM with this JVM's class path. */
    private void emit(Path dir) throws IOException {
        emit(dir, "org.infomorph.hw.Emit", TOP);
    }

    private void emit(Path dir, String mainClass, String top) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx2g", "-Xss16m", "-cp", System.getProperty("java.class.path"), mainClass,
                dir.resolve("generator.json").toString(), dir.toString());
        Map<String, String> env = Map.of("CHISEL_FIRTOOL_CACHE", cacheRoot.resolve("firtool").toString());
        run(cmd, dir, env, dir.resolve("emit.log"), "emitting " + top + ".sv");
    }

    /** The verilator command of the toolchain notes, plus the shim's defines (fatal hooks, parameter hash). */
    static List<String> verilatorCommand(String exe, Path dir, String hash, boolean trace) {
        List<String> c = new ArrayList<>(List.of(exe, "--cc", "--exe", "--build", "-j", "2", "--top-module", TOP, "--Mdir",
                dir.resolve("obj").toString(), "-O3", "--x-assign", "fast", "--x-initial", "fast", "--noassert", "-Wno-fatal",
                "+define+ENABLE_INITIAL_REG_", "+define+ENABLE_INITIAL_MEM_", "-CFLAGS", "-fPIC", "-CFLAGS", "-DVL_USER_FATAL", "-CFLAGS",
                "-DVL_USER_STOP", "-CFLAGS", "-DVL_USER_FINISH", "-CFLAGS", "-DIFM_PARAMS_HASH=" + hash, "-MAKEFLAGS", "OPT_FAST=-O2",
                "-LDFLAGS", "-shared -Wl,--no-undefined -Wl,--version-script=" + dir.resolve("exports.map")));
        if (trace) c.add("--trace");
        c.addAll(List.of("-o", LIBRARY, dir.resolve(TOP + ".sv").toString(), dir.resolve("shim.cpp").toString()));
        return c;
    }

    private static void verilate(String exe, Path dir, String hash, boolean trace) throws IOException {
        run(verilatorCommand(exe, dir, hash, trace), dir, Map.of(), dir.resolve("build.log"), "verilator");
    }

    public static void run(List<String> cmd, Path dir, Map<String, String> env, Path log, String what) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        int rc;
        try {
            Process proc = pb.start();
            ToolWait.waitFor(proc, what, log, Long.MAX_VALUE / 2_000_000_000L);
            rc = proc.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException(what + " interrupted");
        }
        if (rc != 0) throw new SimException(what + " failed (exit " + rc + "); log " + log + ": " + tail(log, 5));
    }

    /** The last lines of a log, joined into one line. */
    public static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(s -> !s.isBlank()).toList();
            return String.join(" | ", all.subList(Math.max(0, all.size() - lines), all.size())).strip();
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable)";
        }
    }

    /** The name of the configured tool: a system property, else an environment variable, else a default. */
    public static String configured(String property, String env, String fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isEmpty()) v = System.getenv(env);
        return v == null || v.isEmpty() ? fallback : v;
    }

    /** An executable: a path as given, or a name on PATH; else a one-line SimException with the fix. */
    public static String findTool(String tool, String name, String fix) {
        if (tool.contains("/")) {
            if (Files.isExecutable(Path.of(tool))) return tool;
            throw new SimException(name + " not found at " + tool + ": " + fix);
        }
        String path = System.getenv("PATH");
        if (path != null)
            for (String d : path.split(java.io.File.pathSeparator)) {
                if (d.isEmpty()) continue;
                Path c = Path.of(d, tool);
                if (Files.isRegularFile(c) && Files.isExecutable(c)) return c.toString();
            }
        throw new SimException(name + " not found: " + fix);
    }

    static byte[] resource(String name) throws IOException {
        try (InputStream in = SimBuild.class.getClassLoader().getResourceAsStream(CPP + name)) {
            if (in == null) throw new SimException(CPP + name + " is missing from the class path (infomorph-hw-sim jar); rebuild infomorph");
            return in.readAllBytes();
        }
    }

    public static void writeIfChanged(Path file, byte[] content) throws IOException {
        if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) return;
        Files.write(file, content);
    }

    private static String stamp(String json, boolean trace, byte[] shim, byte[] exports, byte[] contract) throws IOException {
        MessageDigest md = sha256();
        md.update(json.getBytes(StandardCharsets.UTF_8));
        md.update((byte) (trace ? 1 : 0));
        md.update(shim);
        md.update(exports);
        md.update(contract);
        md.update(String.join(" ", verilatorCommand("verilator", Path.of("/"), "", trace)).getBytes(StandardCharsets.UTF_8));
        md.update(generatorDigest());
        return HexFormat.of().formatHex(md.digest()) + "\n";
    }

    /** Digest of the Chisel generator's classes (the jar, or the class folder in a reactor build). */
    private static byte[] generatorDigest() throws IOException {
        return classesDigest("org/infomorph/hw/" + TOP + ".class");
    }

    /** Digest of the jar, or the class folder in a reactor build, that holds a class file (a resource path). */
    public static byte[] classesDigest(String classFile) throws IOException {
        URL u = SimBuild.class.getClassLoader().getResource(classFile);
        if (u == null) throw new SimException(classFile + " is missing from the class path; rebuild infomorph");
        MessageDigest md = sha256();
        try {
            if ("jar".equals(u.getProtocol())) {
                md.update(Files.readAllBytes(Path.of(((JarURLConnection) u.openConnection()).getJarFileURL().toURI())));
            } else if ("file".equals(u.getProtocol())) {
                Path folder = Path.of(u.toURI()).getParent();
                try (Stream<Path> files = Files.walk(folder)) {
                    for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                        md.update(folder.relativize(f).toString().getBytes(StandardCharsets.UTF_8));
                        md.update(Files.readAllBytes(f));
                    }
                }
            } else {
                try (InputStream in = u.openStream()) {
                    md.update(in.readAllBytes());
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
