package org.infomorph.distributed.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntConsumer;
import org.apache.spark.broadcast.Broadcast;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.EvalTask;
import org.infomorph.distributed.eval.Evaluator;
import org.infomorph.distributed.eval.ShippedData;

/** Training runs as Spark tasks: one task per {@link EvalTask}, one {@link EvalResult} per task, in task order. */
public final class SparkEvaluations {
    private SparkEvaluations() {}

    /** A task that throws comes back as a {@link EvalResult.Status#FAILED} result carrying its one-line cause. */
    public static List<EvalResult> run(SparkCluster cluster, Broadcast<ShippedData> data, List<EvalTask> tasks, IntConsumer onDone) {
        List<TaskOutcome<EvalResult>> outcomes = cluster.run(data, tasks, SparkEvaluations::evaluate, onDone);
        List<EvalResult> out = new ArrayList<>();
        for (TaskOutcome<EvalResult> o : outcomes) {
            EvalTask t = tasks.get(o.index());
            out.add(o.failed() ? EvalResult.notRun(t.index(), EvalResult.Status.FAILED, o.failure(), Double.NaN) : o.value());
        }
        return out;
    }

    private static EvalResult evaluate(ShippedData data, EvalTask t) {
        return Evaluator.evaluate(t, data.get(t.dataKey()));
    }
}
