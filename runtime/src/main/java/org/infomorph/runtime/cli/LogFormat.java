package org.infomorph.runtime.cli;

import java.util.logging.ConsoleHandler;
import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The project's log line: {@code infomorph: message} on stderr (a level word only above INFO), one
 * line per record, no date line and no stack trace (a cause is named by its message). Replaces the
 * handlers of java.util.logging's root logger, which System.Logger (e.g. the simulation build)
 * writes through.
 */
final class LogFormat extends Formatter {
    private LogFormat() {}

    @Override
    public String format(LogRecord r) {
        String level = r.getLevel().intValue() > Level.INFO.intValue() ? r.getLevel().getName().toLowerCase(java.util.Locale.ROOT) + ": " : "";
        String msg = formatMessage(r).replace('\n', ' ');
        Throwable t = r.getThrown();
        return "infomorph: " + level + msg + (t != null ? " (" + t + ")" : "") + System.lineSeparator();
    }

    /** Installs the one-line format on the root logger (idempotent): one console handler with it. */
    static void install() {
        Logger root = LogManager.getLogManager().getLogger("");
        for (Handler h : root.getHandlers()) if (h.getFormatter() instanceof LogFormat) return;
        for (Handler h : root.getHandlers()) root.removeHandler(h);
        ConsoleHandler h = new ConsoleHandler();
        h.setFormatter(new LogFormat());
        h.setLevel(Level.INFO);
        root.addHandler(h);
    }
}
