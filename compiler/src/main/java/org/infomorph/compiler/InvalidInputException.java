package org.infomorph.compiler;

import java.util.List;
import org.infomorph.json.InputException;

/**
 * A mistake in something the user supplied (a file, an option, a value). The CLI prints its
 * first problem as one line on stderr and exits with {@code 2}; no stack trace is shown.
 *
 * <p>Messages name the file, the field (as a JSON path where there is one) and the fix, e.g.
 * {@code examples/context.json: layers[0].sources.C.size: must be 10 (the classes), got 11}.
 * Several problems are one per line, at most {@value InputException#SHOWN} and a count.
 */
public class InvalidInputException extends InputException {
    private static final long serialVersionUID = 1L;

    /** Creates this type from a shared reader's problems ({@code StrictJson}, {@code JsonFields}). */
    public static final InputException.Factory ERRORS = InvalidInputException::new;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    public InvalidInputException(List<String> problems, int total) {
        super(problems, total);
    }

    /** {@code file: path: problem}, leaving out the parts that are null or empty. */
    public static InvalidInputException at(String file, String jsonPath, String problem) {
        return new InvalidInputException(InputException.line(file, jsonPath, problem));
    }
}
