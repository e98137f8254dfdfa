package org.infomorph.runtime.sim;

/**
 * The Verilator simulation could not be built, loaded or run: a missing tool, a failed build, a
 * model error or a timeout. The message is one line that says what to do.
 */
public class SimException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SimException(String message) {
        super(message);
    }

    public SimException(String message, Throwable cause) {
        super(message, cause);
    }
}
