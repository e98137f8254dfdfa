package org.infomorph.targets;

/**
 * A mistake in a target descriptor or in the choice of target (a file, a name, a value). The CLI
 * prints its message as one line on stderr and exits with {@code 2}; no stack trace is shown.
 *
 * <p>Messages name the file, the field as a JSON path, the problem and the fix, e.g.
 * {@code board.json: memories[0].depth: must be a power of two, got 1000; use e.g. 1024}.
 * This module cannot see the compiler's {@code InvalidInputException} (the compiler depends on
 * this module, not the other way round), so the CLI maps this type to the same exit code.
 */
public class TargetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: path: problem; fix}, leaving out the parts that are null or empty. */
    public static TargetException at(String file, String jsonPath, String problem, String fix) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) sb.append(file).append(": ");
        if (jsonPath != null && !jsonPath.isEmpty()) sb.append(jsonPath).append(": ");
        sb.append(problem);
        if (fix != null && !fix.isEmpty()) sb.append("; ").append(fix);
        return new TargetException(oneLine(sb.toString()));
    }

    private static String oneLine(String s) {
        return s.replace("\r", " ").replace("\n", " ");
    }
}
