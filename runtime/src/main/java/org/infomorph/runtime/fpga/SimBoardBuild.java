package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.io.InputStream;
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
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimException;

/**
 * Builds the simulated board, an executable of the board top ({@code BoardTop.sv}) in Verilator
 * with the UART and pseudo-terminal model of {@code simboard.cpp}, and caches it under
 * {@code <cache>/simboard/<board hash>/}; its {@code build.stamp} (parameters, C++ model, both
 * generators' classes, the verilator command) decides when to build again.
 */
public final class SimBoardBuild {
    public static final String EXECUTABLE = "simboard";
    static final String TOP = "BoardTop";
    private static final String CPP = "org/infomorph/fpga/cpp/simboard.cpp";

    private SimBoardBuild() {}

    /** The folder of a board's builds (simulation and bitstreams). */
    public static Path dir(Path cache, BoardParams bp) {
        return cache.resolve("simboard").resolve(bp.hash());
    }

    /** The executable, built first when missing or stale. */
    public static Path build(Path cache, BoardParams bp) {
        Path dir = dir(cache, bp);
        Path exe = dir.resolve(EXECUTABLE);
        try {
            Files.createDirectories(dir);
            byte[] cpp = resource();
            String stamp = stamp(bp, cpp);
            if (current(dir, exe, stamp)) return exe;
            try (FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    FileLock ignored = ch.lock()) {
                if (current(dir, exe, stamp)) return exe;
                String verilator = SimBuild.findTool(SimBuild.configured("infomorph.verilator", "INFOMORPH_VERILATOR", "verilator"), "verilator",
                        "run scripts/setup-sim (apt-get install verilator)");
                Files.deleteIfExists(dir.resolve("build.stamp"));
                emit(cache, dir, bp);
                SimBuild.writeIfChanged(dir.resolve("simboard.cpp"), cpp);
                System.getLogger(SimBoardBuild.class.getName()).log(System.Logger.Level.INFO, "building the simulated board {0} (a minute the first time)", dir);
                SimBuild.run(verilatorCommand(verilator, dir), dir, Map.of(), dir.resolve("build.log"), "verilator (simulated board)");
                Path tmp = Files.createTempFile(dir, EXECUTABLE, ".tmp");
                Files.copy(dir.resolve("obj").resolve(EXECUTABLE), tmp, StandardCopyOption.REPLACE_EXISTING);
                tmp.toFile().setExecutable(true);
                Files.move(tmp, exe, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                Files.writeString(dir.resolve("build.stamp"), stamp);
                return exe;
            }
        } catch (IOException e) {
            throw new SimException("simulated board build in " + dir + " failed: " + e.getMessage(), e);
        }
    }

    /** Writes board.json and emits {@code BoardTop.sv} into {@code dir} (a forked JVM runs {@code org.infomorph.fpga.BoardEmit}). */
    public static Path emit(Path cache, Path dir, BoardParams bp) throws IOException {
        Files.createDirectories(dir);
        SimBuild.writeIfChanged(dir.resolve("board.json"), bp.toJson().getBytes(StandardCharsets.UTF_8));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = List.of(java, "-Xmx2g", "-Xss16m", "-cp", System.getProperty("java.class.path"), "org.infomorph.fpga.BoardEmit",
                dir.resolve("board.json").toString(), dir.toString());
        SimBuild.run(cmd, dir, Map.of("CHISEL_FIRTOOL_CACHE", cache.resolve("firtool").toString()), dir.resolve("emit.log"), "emitting " + TOP + ".sv");
        return dir.resolve(TOP + ".sv");
    }

    static List<String> verilatorCommand(String exe, Path dir) {
        return new ArrayList<>(List.of(exe, "--cc", "--exe", "--build", "-j", "2", "--top-module", TOP, "--Mdir", dir.resolve("obj").toString(), "-O3",
                "--x-assign", "fast", "--x-initial", "fast", "--noassert", "-Wno-fatal", "+define+ENABLE_INITIAL_REG_", "+define+ENABLE_INITIAL_MEM_",
                "-MAKEFLAGS", "OPT_FAST=-O2", "-LDFLAGS", "-lutil", "-o", EXECUTABLE, dir.resolve(TOP + ".sv").toString(),
                dir.resolve("simboard.cpp").toString()));
    }

    private static boolean current(Path dir, Path exe, String stamp) throws IOException {
        Path s = dir.resolve("build.stamp");
        return Files.isExecutable(exe) && Files.isRegularFile(s) && Files.readString(s).equals(stamp);
    }

    private static byte[] resource() throws IOException {
        try (InputStream in = SimBoardBuild.class.getClassLoader().getResourceAsStream(CPP)) {
            if (in == null) throw new SimException(CPP + " is missing from the class path (infomorph-fpga jar); rebuild infomorph");
            return in.readAllBytes();
        }
    }

    private static String stamp(BoardParams bp, byte[] cpp) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(bp.toJson().getBytes(StandardCharsets.UTF_8));
            md.update(cpp);
            md.update(String.join(" ", verilatorCommand("verilator", Path.of("/"))).getBytes(StandardCharsets.UTF_8));
            md.update(SimBuild.classesDigest("org/infomorph/hw/LluArray.class"));
            md.update(SimBuild.classesDigest("org/infomorph/fpga/BoardTop.class"));
            return HexFormat.of().formatHex(md.digest()) + "\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
