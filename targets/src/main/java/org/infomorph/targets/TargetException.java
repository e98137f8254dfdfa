package org.infomorph.targets;

import java.util.List;
import org.infomorph.json.InputException;

/**
 * A mistake in a target descriptor or in the choice of target (a file, a name, a value). The CLI
 * prints its message as one line on stderr and exits with {@code 2}; no stack trace is shown.
 *
 * <p>Messages name the file, the field as a JSON path, the problem and the fix, e.g.
 * {@code board.json: memories[0].depth: must be a power of two, got 1000; use e.g. 1024}.
 */
public class TargetException extends InputException {
    private static final long serialVersionUID = 1L;

    /** Creates this type from the shared JSON reader's problems. */
    public static final InputException.Factory ERRORS = TargetException::new;

    public TargetException(String message) {
        super(message);
    }

    public TargetException(String message, Throwable cause) {
        super(message, cause);
    }

    public TargetException(List<String> problems, int total) {
        super(problems, total);
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
