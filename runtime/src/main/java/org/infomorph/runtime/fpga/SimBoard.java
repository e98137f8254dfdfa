package org.infomorph.runtime.fpga;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.runtime.sim.SimException;

/**
 * A running simulated board: the {@code simboard} process (docs/host-link.md) behind a
 * pseudo-terminal that {@link SerialLink} opens like a board's USB UART. Closing it ends the
 * process; it also ends when this JVM does.
 */
public final class SimBoard implements AutoCloseable {
    /** The link fault injector: each byte, each way, is changed with probability {@code rate} (a kind drawn from {@code kinds}). */
    public record Faults(double rate, long seed, List<String> kinds) {
        public static final Faults NONE = new Faults(0, 1, List.of("flip", "drop", "dup", "delay"));

        public Faults {
            if (rate < 0 || rate >= 1) throw new IllegalArgumentException("fault rate must be in [0, 1), got " + rate);
            kinds = List.copyOf(kinds);
            for (String k : kinds)
                if (!List.of("flip", "drop", "dup", "delay").contains(k)) throw new IllegalArgumentException("unknown fault kind " + k + "; use flip, drop, dup, delay");
        }

        public static Faults mixed(double rate, long seed) {
            return new Faults(rate, seed, NONE.kinds());
        }
    }

    private final BoardParams params;
    private final Process process;
    private final String pty;
    private final Path log;

    private SimBoard(BoardParams params, Process process, String pty, Path log) {
        this.params = params;
        this.process = process;
        this.pty = pty;
        this.log = log;
    }

    /** Builds (or reuses) the simulated board of {@code bp} and starts it. */
    public static SimBoard start(Path cache, BoardParams bp, Faults faults) {
        Path exe = SimBoardBuild.build(cache, bp);
        List<String> cmd = new ArrayList<>(List.of(exe.toString(), "--clocks-per-bit", Integer.toString(bp.clocksPerBit()), "--clock-hz",
                Integer.toString(bp.clockHz())));
        if (faults.rate() > 0)
            cmd.addAll(List.of("--fault-rate", String.format(Locale.ROOT, "%.6f", faults.rate()), "--fault-seed", Long.toString(faults.seed()),
                    "--faults", String.join(",", faults.kinds())));
        try {
            Path log = Files.createTempFile(exe.getParent(), "run-", ".log");
            Process p = new ProcessBuilder(cmd).redirectError(log.toFile()).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.US_ASCII));
            String line;
            try {
                line = CompletableFuture.supplyAsync(() -> {
                    try {
                        return out.readLine();
                    } catch (IOException e) {
                        return null;
                    }
                }).get(30, TimeUnit.SECONDS);
            } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
                p.destroyForcibly();
                throw new SimException("the simulated board did not start within 30 s; log " + log);
            }
            if (line == null || !line.startsWith("pty ")) {
                p.destroyForcibly();
                throw new SimException("the simulated board did not start: " + org.infomorph.runtime.sim.SimBuild.tail(log, 3));
            }
            return new SimBoard(bp, p, line.substring(4).strip(), log);
        } catch (IOException e) {
            throw new SimException("cannot start the simulated board " + exe + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimException("interrupted while starting the simulated board");
        }
    }

    public BoardParams params() {
        return params;
    }

    /** The pseudo-terminal the board listens on. */
    public String pty() {
        return pty;
    }

    /** Presses the board's reset button (the board loses its state and announces itself). */
    public void pressReset() {
        signal("USR1");
    }

    /**
     * The board's counts so far.
     *
     * @param cycles     clock cycles simulated
     * @param idleCycles wall time the idle board slept, in cycles of its clock (board time = cycles + idleCycles)
     * @param bytes      bytes through the fault injector (both ways)
     */
    public record Counts(long cycles, long idleCycles, long bytes, long flips, long drops, long dups, long delays) {
        public long boardCycles() {
            return cycles + idleCycles;
        }

        public long faults() {
            return flips + drops + dups + delays;
        }

        static Counts parse(String line) {
            Matcher m = COUNTS.matcher(line);
            if (!m.find()) return null;
            long[] v = new long[7];
            for (int i = 0; i < 7; i++) v[i] = Long.parseLong(m.group(i + 1));
            return new Counts(v[0], v[1], v[2], v[3], v[4], v[5], v[6]);
        }
    }

    private static final Pattern COUNTS = Pattern.compile(
            "cycles (\\d+), idle cycles (\\d+), bytes (\\d+), faults: flip (\\d+) drop (\\d+) dup (\\d+) delay (\\d+)");

    /** Asks the running board for its counts (it prints them to its log). */
    public Counts counts() {
        try {
            long before = Files.size(log);
            signal("USR2");
            for (int i = 0; i < 500; i++) {
                if (Files.size(log) > before) {
                    List<String> lines = Files.readAllLines(log).stream().filter(s -> s.startsWith("simboard:")).toList();
                    Counts c = lines.isEmpty() ? null : Counts.parse(lines.get(lines.size() - 1));
                    if (c != null) return c;
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            throw new SimException("cannot read the simulated board's log " + log + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new SimException("the simulated board did not report its counts within 5 s; log " + log);
    }

    private void signal(String name) {
        try {
            new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).start().waitFor();
        } catch (IOException e) {
            throw new SimException("cannot signal the simulated board: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Ends the process and returns its last line (cycles, bytes and injected faults), or "" when it printed none. */
    public String stop() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            List<String> lines = Files.readAllLines(log).stream().filter(s -> s.startsWith("simboard:")).toList();
            Files.deleteIfExists(log);
            return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() {
        stop();
    }
}
