package org.infomorph.distributed.spark;

import java.io.Serializable;

/** The work of one Spark task: a function of the job's shared value and the task's input, shipped to the executor. */
@FunctionalInterface
public interface TaskFunction<D, T, R> extends Serializable {
    R apply(D shared, T task) throws Exception;
}
