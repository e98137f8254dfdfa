package org.infomorph.runtime.cli;

/** Process exit codes of the {@code infomorph} command; the only place they are defined. */
public enum ExitCode {
    OK(0),
    /** A check ran and found a problem (e.g. a mismatch, a failed bar). */
    CHECK_FAILED(1),
    /** The user's input is invalid: bad file, bad option, bad value. */
    INVALID_INPUT(2),
    /** A bug or an environment failure inside infomorph. */
    INTERNAL_ERROR(3);

    public final int code;

    ExitCode(int code) {
        this.code = code;
    }
}
