package org.infomorph.compiler;

/**
 * A mistake in something the user supplied (a file, an option, a value). The CLI prints its
 * message as one line on stderr and exits with {@code 2}; no stack trace is shown.
 *
 * <p>Messages name the file, the field (as a JSON path where there is one) and the fix, e.g.
 * {@code examples/context.json: layers[0].sources.C.size: must be > 0}.
 */
public class InvalidInputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** {@code file: path: problem}, leaving out the parts that are null or empty. */
    public static InvalidInputException at(String file, String jsonPath, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) sb.append(file).append(": ");
        if (jsonPath != null && !jsonPath.isEmpty()) sb.append(jsonPath).append(": ");
        return new InvalidInputException(sb.append(problem).toString());
    }
}
