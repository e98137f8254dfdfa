package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

/** Usage mistakes on the command line: one line with a hint, and the invalid-input exit code. */
final class Usage {
    private Usage() {}

    /** A command line picocli could not parse: {@code error: <what>; see 'infomorph train --help'}. */
    static int error(ParameterException ex) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        String what = oneLine(ex.getMessage());
        if (what.endsWith(".")) what = what.substring(0, what.length() - 1);
        String suggestions = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty())
            suggestions = "; did you mean " + u.getSuggestions().get(0) + "?";
        err.println("error: " + what + suggestions + "; see '" + cmd.getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return ExitCode.INVALID_INPUT.code;
    }

    /** A command that needs a subcommand was given none: its usage on stderr, exit 2. */
    static int missingSubcommand(CommandSpec spec) {
        CommandLine cl = spec.commandLine();
        PrintWriter err = cl.getErr();
        err.println("error: " + spec.qualifiedName() + " needs a command; see the list below or '" + spec.qualifiedName() + " --help'");
        cl.usage(err);
        err.flush();
        return ExitCode.INVALID_INPUT.code;
    }

    /** A message as one printable line: line breaks and control characters escaped, at most 2,000 characters. */
    static String oneLine(String s) {
        if (s == null) return "";
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append(' ');
            else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR || Character.getType(c) == Character.PARAGRAPH_SEPARATOR)
                sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
            if (sb.length() > 2000) return sb.append("...").toString();
        }
        return sb.toString();
    }
}
