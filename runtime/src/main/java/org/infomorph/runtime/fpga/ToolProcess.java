package org.infomorph.runtime.fpga;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.infomorph.runtime.sim.SimException;

/** Runs one FPGA tool (yosys, nextpnr, icetime) with its output in a log and a time limit. */
record ToolProcess(List<String> command, Path dir, Path log, Duration timeout) {
    /** What a run gave: the exit code and the wall time. */
    record Outcome(int exitCode, double seconds) {}

    /** Runs to the end; a run past the time limit is killed and reported as a SimException naming the limit and the log. */
    Outcome run() {
        long t0 = System.nanoTime();
        try {
            Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!org.infomorph.runtime.sim.ToolWait.waitFor(p, Path.of(command.get(0)).getFileName().toString(), log, timeout.toSeconds())) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                throw new SimException(Path.of(command.get(0)).getFileName() + " timed out after " + minutes(timeout) + "; log " + log);
            }
            return new Outcome(p.exitValue(), (System.nanoTime() - t0) / 1e9);
        } catch (IOException e) {
            throw new SimException(command.get(0) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException(command.get(0) + " interrupted");
        }
    }

    /** The first line a tool prints for {@code args} (e.g. its version), or "unknown". */
    static String firstLine(String exe, String... args) {
        try {
            List<String> cmd = new java.util.ArrayList<>(List.of(exe));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            return out.lines().filter(l -> !l.isBlank()).findFirst().orElse("unknown").strip();
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    static String minutes(Duration d) {
        return d.toSeconds() % 60 == 0 ? d.toMinutes() + " min" : d.toSeconds() + " s";
    }
}
