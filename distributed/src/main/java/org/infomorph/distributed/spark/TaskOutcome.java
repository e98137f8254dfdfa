package org.infomorph.distributed.spark;

import java.io.Serializable;

/**
 * A task's result, or the one line that says why it failed. A task never dies silently: every
 * exception of the task's own code becomes a failed outcome at the task's index, so a job always
 * returns one outcome per input.
 */
public record TaskOutcome<R>(int index, R value, String failure) implements Serializable {
    private static final long serialVersionUID = 1L;

    public boolean failed() {
        return failure != null;
    }

    static <R> TaskOutcome<R> failed(int index, Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse("");
        StackTraceElement at = root.getStackTrace().length > 0 ? root.getStackTrace()[0] : null;
        return new TaskOutcome<>(index, null, root.getClass().getSimpleName() + msg + (at == null ? "" : " (at " + at + ")"));
    }
}
