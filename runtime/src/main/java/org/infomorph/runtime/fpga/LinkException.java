package org.infomorph.runtime.fpga;

/**
 * The host link failed: no such port, a board that does not answer, a board with another design,
 * a board reset during a run. The message is one line that names the port and the fix.
 */
public class LinkException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; {@link #userError} kinds are the user's to fix (exit 2), the others exit 3. */
    public enum Kind {
        NO_PORT(true), NO_ANSWER(false), OTHER_DESIGN(true), BOARD_RESET(false), PROTOCOL(false);

        public final boolean userError;

        Kind(boolean userError) {
            this.userError = userError;
        }
    }

    public final Kind kind;

    public LinkException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }
}
