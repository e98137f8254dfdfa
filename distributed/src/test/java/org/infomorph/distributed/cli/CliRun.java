package org.infomorph.distributed.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the Spark commands in-process and captures what they print. */
record CliRun(int code, String out, String err) {
    static CliRun of(String... args) {
        StringWriter out = new StringWriter(), err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new CliRun(code, out.toString(), err.toString());
    }
}
