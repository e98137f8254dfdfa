package org.infomorph.distributed.search;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.infomorph.distributed.eval.Csv;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.EvalTask;
import org.infomorph.distributed.eval.Holdout;
import org.infomorph.distributed.eval.MeanCi;
import org.infomorph.distributed.spark.JobFailure;

/**
 * The one look at TEST: the start goal and the best goal, each learned on all of TRAIN for the
 * final epochs with seeds {@code seed, seed+1, ...}, scored on TEST; means with 95% intervals,
 * and the PID atoms of the searched layer (mean over seeds).
 */
public record FinalComparison(List<EvalResult> start, List<EvalResult> best, int epochs, long firstSeed) {
    /** PID batches decomposed per final run, for the atoms. */
    public static final int ATOM_BATCHES = 4;

    public static FinalComparison run(GoalSearch search, SearchRow start, SearchRow best, int epochs, int seeds, long seed,
            Function<List<EvalTask>, List<EvalResult>> evaluate) {
        List<EvalTask> tasks = new ArrayList<>();
        for (int g = 0; g < 2; g++) {
            double[] gamma = (g == 0 ? start : best).gamma();
            for (int k = 0; k < seeds; k++)
                tasks.add(search.task(tasks.size(), (g == 0 ? "start" : "best") + " goal, seed " + (seed + k), gamma, Holdout.TEST, epochs, seed + k,
                        ATOM_BATCHES));
        }
        List<EvalResult> r = evaluate.apply(tasks);
        for (int i = 0; i < r.size(); i++)
            if (!r.get(i).ok()) throw new JobFailure("final run '" + tasks.get(i).label() + "' " + r.get(i).status().name().toLowerCase() + ": " + r.get(i).problem());
        return new FinalComparison(r.subList(0, seeds), r.subList(seeds, 2 * seeds), epochs, seed);
    }

    public static MeanCi deterministic(List<EvalResult> runs) {
        return MeanCi.of(runs.stream().mapToDouble(EvalResult::deterministicAccuracy).toArray());
    }

    public static MeanCi reference(List<EvalResult> runs) {
        return MeanCi.of(runs.stream().mapToDouble(EvalResult::testAccuracy).toArray());
    }

    /** Mean atoms of {@code layer} over the runs. */
    public static double[] atoms(List<EvalResult> runs, int layer) {
        double[] sum = null;
        for (EvalResult r : runs) {
            double[] a = r.atoms().get(layer);
            if (sum == null) sum = new double[a.length];
            for (int i = 0; i < a.length; i++) sum[i] += a[i] / runs.size();
        }
        return sum;
    }

    public void write(Path file, List<double[]> gammas) throws IOException {
        StringBuilder sb = new StringBuilder(Csv.row(List.of("goal", "gamma", "seed", "epochs", "test_deterministic", "test_reference", "train_accuracy", "seconds")));
        for (int g = 0; g < 2; g++) {
            List<EvalResult> runs = g == 0 ? start : best;
            for (int k = 0; k < runs.size(); k++) {
                EvalResult r = runs.get(k);
                sb.append(Csv.row(List.of(g == 0 ? "start" : "best", GammaText.of(gammas.get(g)), firstSeed + k, epochs, r.deterministicAccuracy(),
                        r.testAccuracy(), r.trainAccuracy(), r.seconds())));
            }
        }
        Csv.write(file, sb.toString());
    }
}
