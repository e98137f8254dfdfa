package org.infomorph.runtime.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.IntConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a long stage on stderr: a bar on a terminal; elsewhere (logs, CI) one line at most
 * every {@value #LINE_SECONDS} seconds with the elapsed time and an estimate of the time left, so a
 * stage longer than that is never silent. {@code --quiet} silences both ({@link #quiet}).
 */
final class Progress implements AutoCloseable {
    static final int LINE_SECONDS = 10;

    /** Set by a command's --quiet for its duration (the CLI runs one command at a time). */
    private static volatile boolean silenced;

    private final ProgressBar bar;
    private final Lines lines;

    private Progress(ProgressBar bar, Lines lines) {
        this.bar = bar;
        this.lines = lines;
    }

    /** Silences progress and informational log lines until the scope closes (a command's --quiet); warnings still show. */
    static Scope quiet(boolean quiet) {
        boolean before = silenced;
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        java.util.logging.Level level = root.getLevel();
        silenced = quiet || before;
        if (quiet) root.setLevel(java.util.logging.Level.WARNING);
        return () -> {
            silenced = before;
            root.setLevel(level);
        };
    }

    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    static boolean silenced() {
        return silenced;
    }

    static Progress start(String task, long max) {
        return start(task, max, "samples");
    }

    /** Progress of {@code max} steps counted in {@code unit} (plural, e.g. "frames"). */
    static Progress start(String task, long max, String unit) {
        if (silenced) return new Progress(null, null);
        if (System.console() == null) return new Progress(null, new Lines(task, max, unit, System.err));
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII)
                .setUnit(" " + unit, 1)
                .showSpeed()
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .build(), null);
    }

    IntConsumer stepper() {
        return n -> {
            if (bar != null) bar.stepBy(n);
            if (lines != null) lines.step(n);
        };
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }

    /** The progress line for logs: "task: done/max unit, elapsed, ~left", throttled. */
    static final class Lines {
        private final String task;
        private final long max;
        private final String unit;
        private final PrintStream out;
        private final long t0 = System.nanoTime();
        private long done, lastLine = System.nanoTime();

        Lines(String task, long max, String unit, PrintStream out) {
            this.task = task;
            this.max = max;
            this.unit = unit;
            this.out = out;
        }

        synchronized void step(int n) {
            done += n;
            long now = System.nanoTime();
            if (now - lastLine < LINE_SECONDS * 1_000_000_000L || done >= max) return;
            lastLine = now;
            out.println(line(task, done, max, unit, (now - t0) / 1e9));
            out.flush();
        }

        static String line(String task, long done, long max, String unit, double seconds) {
            double left = done > 0 ? seconds * (max - done) / done : Double.NaN;
            return String.format(Locale.ROOT, "%s: %,d/%,d %s, %s elapsed, ~%s left", task, done, max, unit, duration(seconds), duration(left));
        }
    }

    /** e.g. 45 s, 3 min 05 s, 1 h 02 min. */
    static String duration(double seconds) {
        if (!Double.isFinite(seconds)) return "?";
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
        return String.format(Locale.ROOT, "%d h %02d min", s / 3600, (s % 3600) / 60);
    }
}
