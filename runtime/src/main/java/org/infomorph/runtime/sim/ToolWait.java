package org.infomorph.runtime.sim;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Waits for an external tool (Chisel's emitter, verilator, yosys, nextpnr) and says every
 * {@value #PROGRESS_SECONDS} s how long it has run, as one log line, so a step of minutes is never
 * silent; the tool's own output is in its log.
 */
public final class ToolWait {
    public static final int PROGRESS_SECONDS = 10;
    private static final System.Logger LOG = System.getLogger(ToolWait.class.getName());

    private ToolWait() {}

    /** True when the process ended within {@code timeoutSeconds}. */
    public static boolean waitFor(Process p, String what, Path log, long timeoutSeconds) throws InterruptedException {
        long t0 = System.nanoTime();
        while (true) {
            long left = timeoutSeconds - (System.nanoTime() - t0) / 1_000_000_000L;
            if (left <= 0) return !p.isAlive();
            if (p.waitFor(Math.min(left, PROGRESS_SECONDS), TimeUnit.SECONDS)) return true;
            if ((System.nanoTime() - t0) / 1e9 >= timeoutSeconds) return false;
            LOG.log(System.Logger.Level.INFO, String.format("%s: %.0f s so far (log %s)", what, (System.nanoTime() - t0) / 1e9, log));
        }
    }
}
