package org.infomorph.distributed.spark;

/** A run that could not complete (a failed evaluation, an aborted Spark job): one line, exit code 3, results so far saved. */
public class JobFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JobFailure(String message) {
        super(message);
    }
}
