package org.infomorph.distributed.search;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Commons Math's {@link CMAESOptimizer} (Hansen's CMA-ES, maximising, with box bounds) turned into
 * ask/tell, so that a whole generation is evaluated in parallel.
 *
 * <p>The optimiser is a closed loop that calls the objective one point at a time, but the points of
 * a generation depend only on the values of earlier generations (and the first generation not even
 * on the start point's value). So every {@link #ask} replays the optimiser from its seed: known
 * evaluations are answered from the record; the first unknown ones are collected, up to the end of
 * their generation, with a placeholder value that is never used (the replay stops at the next
 * generation's first point). The record is therefore the complete state of the search: a replay
 * of the same record gives the same points bit for bit (the optimiser uses FastMath and a
 * seeded Mersenne twister), which is what makes a search resumable, and a point that does not
 * match its record means the record belongs to another search.
 *
 * <p>Evaluation 0 is the start point; generation g >= 1 is evaluations 1 + (g-1)·λ .. g·λ.
 */
public final class CmaesReplay {
    private final double[] start, lower, upper, sigma;
    private final int population, total;
    private final long seed;

    /** One point to evaluate. */
    public record Candidate(int index, double[] point) {}

    /** The points to evaluate next; none when the search is over ({@code converged}: CMA-ES stopped before the budget). */
    public record Ask(List<Candidate> pending, boolean converged) {
        public boolean finished() {
            return pending.isEmpty();
        }
    }

    /** The recorded point and value of an evaluation. */
    public record Known(double[] point, double value) {}

    /** Thrown when a recorded point is not the one the optimiser asks for. */
    public static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;
        public final int index;

        Mismatch(int index) {
            super("evaluation " + index + " does not match this search");
            this.index = index;
        }
    }

    /**
     * @param start      the first point (within the bounds)
     * @param bound      every coordinate stays in [-bound, bound]
     * @param population λ, points per generation
     * @param total      evaluations in all ({@link #totalEvaluations})
     */
    public CmaesReplay(double[] start, double bound, double sigma, int population, long seed, int total) {
        this.start = start.clone();
        this.lower = new double[start.length];
        this.upper = new double[start.length];
        Arrays.fill(lower, -bound);
        Arrays.fill(upper, bound);
        this.sigma = new double[start.length];
        Arrays.fill(this.sigma, sigma);
        this.population = population;
        this.seed = seed;
        this.total = total;
    }

    /** CMA-ES's default population for {@code dimension} variables: 4 + floor(3 ln n). */
    public static int defaultPopulation(int dimension) {
        return 4 + (int) Math.floor(3 * Math.log(dimension));
    }

    /** The budget rounded up to whole generations: 1 + λ·max(1, ceil((budget - 1) / λ)). */
    public static int totalEvaluations(int budget, int population) {
        int generations = Math.max(1, (budget - 1 + population - 1) / population);
        return 1 + generations * population;
    }

    public int total() {
        return total;
    }

    public int generations() {
        return (total - 1) / population;
    }

    public int generationOf(int index) {
        return index == 0 ? 0 : 1 + (index - 1) / population;
    }

    /** First index after generation g. */
    private int endOf(int generation) {
        return 1 + generation * population;
    }

    /** The next points to evaluate, given every evaluation made so far (by index). */
    public Ask ask(Map<Integer, Known> known) {
        int firstMissing = 0;
        while (firstMissing < total && known.containsKey(firstMissing)) firstMissing++;
        if (firstMissing >= total) return new Ask(List.of(), false);
        int stopAt = Math.min(total, endOf(Math.max(1, generationOf(firstMissing))));
        Replay fn = new Replay(known, stopAt);
        CMAESOptimizer optimizer = new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(seed), false, null);
        boolean returned = false;
        try {
            optimizer.optimize(new MaxEval(Integer.MAX_VALUE), new ObjectiveFunction(fn), GoalType.MAXIMIZE, new InitialGuess(start),
                    new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
            returned = true;
        } catch (Stop s) {
            // the pending generation is complete, or the budget is used up
        }
        return new Ask(List.copyOf(fn.pending), returned && fn.pending.isEmpty());
    }

    private static final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super(null, null, false, false);
        }
    }

    /** The objective during a replay: the record, then placeholders for the generation to collect. */
    private static final class Replay implements MultivariateFunction {
        private final Map<Integer, Known> known;
        private final int stopAt;
        private final List<Candidate> pending = new ArrayList<>();
        private int calls;

        Replay(Map<Integer, Known> known, int stopAt) {
            this.known = known;
            this.stopAt = stopAt;
        }

        @Override
        public double value(double[] point) {
            int i = calls++;
            if (i >= stopAt) throw new Stop();
            Known k = known.get(i);
            if (k != null) {
                if (!Arrays.equals(k.point(), point)) throw new Mismatch(i);
                return k.value();
            }
            pending.add(new Candidate(i, point.clone()));
            return 0.0; // placeholder: only the update after this generation sees it, and the replay stops before it matters
        }
    }
}
