package org.infomorph.runtime.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Log records (System.Logger, as the simulation build writes them) come out as one infomorph line each: no date line, no stack trace. */
class LogFormatTest {
    @Test
    void oneLinePerRecordWithoutDateOrTrace() {
        Logger root = Logger.getLogger("");
        Handler[] before = root.getHandlers();
        PrintStream err = System.err;
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        try {
            for (Handler h : before) root.removeHandler(h);
            System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
            LogFormat.install(); // its console handler writes to the System.err of this moment
            System.Logger log = System.getLogger("org.infomorph.runtime.sim.SimBuild");
            log.log(System.Logger.Level.INFO, "building the simulation library {0} (a minute the first time)", "/tmp/x");
            log.log(System.Logger.Level.WARNING, "slow", new IllegalStateException("disk full"));
            for (Handler h : root.getHandlers()) h.flush();
        } finally {
            System.setErr(err);
            for (Handler h : root.getHandlers()) root.removeHandler(h);
            for (Handler h : before) root.addHandler(h);
        }
        assertEquals("infomorph: building the simulation library /tmp/x (a minute the first time)\n"
                + "infomorph: warning: slow (java.lang.IllegalStateException: disk full)\n", buf.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }
}
