package org.infomorph.distributed.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.network.GoalSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.EvalTask;
import org.infomorph.distributed.eval.Holdout;
import org.infomorph.distributed.eval.Level;

/**
 * The search for a layer's goal vector gamma: CMA-ES ({@link CmaesReplay}) over gamma in
 * [-bound, bound]^n, starting from the network's own goal, maximising
 * {@code accuracy on the validation split - sparsity · sum |gamma_i|}. Each generation is one
 * batch of independent training runs (the same seed for every candidate, so candidates differ
 * only by their goal); the record of evaluations is saved after every generation.
 */
public final class GoalSearch {
    private final SearchSettings settings;
    private final NetworkSpec network;
    private final int layer;
    private final Level level;

    /** A failed evaluation: the search stops (its state is saved) and says so in one line. */
    public static final class Failure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failure(String message) {
            super(message);
        }
    }

    /** After each generation: where the search is and how long it should still take. */
    public record Progress(int generation, int generations, int evaluations, int total, SearchRow best, double secondsLeft) {}

    /** The end of the search: the best row, the start row, and whether CMA-ES converged before the budget. */
    public record Outcome(SearchRow best, SearchRow start, boolean converged, int evaluations) {}

    public GoalSearch(SearchSettings settings) {
        this.settings = settings;
        this.network = NetworkJson.parse(settings.network(), "search network");
        this.layer = network.layerIndex(settings.layer());
        if (layer < 0) throw new InvalidInputException("--layer " + settings.layer() + ": no such layer in the network");
        this.level = Level.parse(settings.level());
    }

    public NetworkSpec network() {
        return network;
    }

    public int layerIndex() {
        return layer;
    }

    public double[] startGamma() {
        return network.layers().get(layer).goal().gamma();
    }

    /** The network with {@code gamma} as the searched layer's goal. */
    public NetworkSpec withGoal(double[] gamma) {
        return network.withLayer(layer, network.layers().get(layer).withGoal(new GoalSpec(null, gamma)));
    }

    public EvalTask task(int index, String label, double[] gamma, Holdout holdout, int epochs, long seed, int atomBatches) {
        return new EvalTask(index, label, NetworkJson.write(withGoal(gamma)), level, settings.arch(), settings.dataset(), holdout, epochs, seed,
                atomBatches);
    }

    public double objective(EvalResult r, double[] gamma) {
        double l1 = 0;
        for (double g : gamma) l1 += Math.abs(g);
        return settings.metric().of(r) - settings.sparsity() * l1;
    }

    public CmaesReplay optimiser() {
        int total = CmaesReplay.totalEvaluations(settings.budget(), settings.population());
        return new CmaesReplay(startGamma(), settings.bound(), settings.sigma(), settings.population(), settings.seed(), total);
    }

    /** Runs (or resumes) the search until the budget is used or CMA-ES converges. */
    public Outcome run(SearchStore store, Function<List<EvalTask>, List<EvalResult>> evaluate, Consumer<Progress> onGeneration) throws IOException {
        CmaesReplay cma = optimiser();
        long t0 = System.nanoTime();
        int evaluatedHere = 0;
        while (true) {
            Map<Integer, CmaesReplay.Known> known = new HashMap<>();
            for (SearchRow r : store.all()) if (r.ok()) known.put(r.index(), new CmaesReplay.Known(r.gamma(), r.objective()));
            CmaesReplay.Ask ask;
            try {
                ask = cma.ask(known);
            } catch (CmaesReplay.Mismatch m) {
                throw InvalidInputException.at(store.evaluationsFile().toString(), "evaluation " + m.index,
                        "was made by another search (other options or another version); use another --out");
            }
            if (ask.finished()) return outcome(store, ask.converged());
            List<EvalTask> tasks = new ArrayList<>();
            for (CmaesReplay.Candidate c : ask.pending())
                tasks.add(task(c.index(), "evaluation " + c.index(), c.point(), Holdout.VALIDATION, settings.epochs(), settings.seed(), 0));
            List<EvalResult> results = evaluate.apply(tasks);
            String failure = null;
            for (int i = 0; i < tasks.size(); i++) {
                CmaesReplay.Candidate c = ask.pending().get(i);
                EvalResult r = results.get(i);
                store.put(new SearchRow(c.index(), cma.generationOf(c.index()), c.point(), r.ok() ? objective(r, c.point()) : Double.NaN, r));
                if (!r.ok() && failure == null) failure = "evaluation " + c.index() + " " + r.status().name().toLowerCase() + ": " + r.problem();
            }
            store.save();
            if (failure != null)
                throw new Failure(failure + "; the search is saved in " + store.dir() + ": run the same command to retry it");
            evaluatedHere += tasks.size();
            int done = (int) store.all().stream().filter(SearchRow::ok).count();
            double perEvaluation = (System.nanoTime() - t0) / 1e9 / evaluatedHere;
            int generation = cma.generationOf(ask.pending().get(ask.pending().size() - 1).index());
            if (onGeneration != null)
                onGeneration.accept(new Progress(generation, cma.generations(), done, cma.total(), best(store), perEvaluation * (cma.total() - done)));
        }
    }

    private Outcome outcome(SearchStore store, boolean converged) {
        SearchRow best = best(store);
        return new Outcome(best, store.rows().get(0), converged, (int) store.all().stream().filter(SearchRow::ok).count());
    }

    /** The highest objective; the earliest on ties. */
    static SearchRow best(SearchStore store) {
        SearchRow best = null;
        for (SearchRow r : store.all()) if (r.ok() && (best == null || r.objective() > best.objective())) best = r;
        return best;
    }
}
