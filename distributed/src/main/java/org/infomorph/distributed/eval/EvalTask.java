package org.infomorph.distributed.eval;

import java.io.Serializable;

/**
 * One training run, as shipped to a Spark task: a network (JSON, with its goal already set), a
 * level, an architecture (JSON; null at L0), the data and what to score on, epochs and a seed.
 * Strings, so the task needs no serialisable model classes; every run is fully determined by its
 * task, which is why the results do not depend on the master or the number of workers.
 *
 * @param index       position in the job (the CSV row order)
 * @param label       what the run is, for messages ("run 17: fixed, weightBits 6, seed 2")
 * @param dataset     key of the data in the job's shared data ({@link ShippedData})
 * @param atomBatches training batches whose histograms are decomposed for the PID atoms and their
 *                    fixed-point error; 0 skips that measurement
 */
public record EvalTask(int index, String label, String networkJson, Level level, String archJson, String dataset, Holdout holdout,
        int epochs, long seed, int atomBatches) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The key of the shared data this task reads: the data set, or its validation carve. */
    public String dataKey() {
        return holdout == Holdout.TEST ? dataset : dataset + "/validation";
    }
}
