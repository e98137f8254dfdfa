package org.infomorph.distributed.search;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.random.MersenneTwister;
import org.junit.jupiter.api.Test;

class CmaesReplayTest {
    private static final double[] START = {0, 0, 1, 0, 0};
    private static final double[] OPTIMUM = {0.3, -0.5, 0.6, 0.1, -0.2};

    /** A concave objective with its maximum inside the bounds. */
    private static double f(double[] x) {
        double s = 0;
        for (int i = 0; i < x.length; i++) s -= (x[i] - OPTIMUM[i]) * (x[i] - OPTIMUM[i]);
        return s;
    }

    /** Runs the ask/tell search to the end, evaluating every asked point at once; returns every point in index order. */
    private static List<double[]> askTell(CmaesReplay r, Map<Integer, CmaesReplay.Known> known) {
        while (true) {
            CmaesReplay.Ask a = r.ask(known);
            if (a.finished()) break;
            for (CmaesReplay.Candidate c : a.pending()) known.put(c.index(), new CmaesReplay.Known(c.point(), f(c.point())));
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < known.size(); i++) out.add(known.get(i).point());
        return out;
    }

    @Test
    void askTellVisitsExactlyThePointsOfCommonsMathsOwnLoop() {
        int population = 6, total = CmaesReplay.totalEvaluations(60, population);
        List<double[]> direct = new ArrayList<>();
        MultivariateFunction recording = x -> {
            direct.add(x.clone());
            return f(x);
        };
        double[] lo = new double[5], hi = new double[5], sigma = new double[5];
        java.util.Arrays.fill(lo, -1);
        java.util.Arrays.fill(hi, 1);
        java.util.Arrays.fill(sigma, 0.3);
        try {
            new CMAESOptimizer(Integer.MAX_VALUE, 0, true, 0, 0, new MersenneTwister(7L), false, null).optimize(new MaxEval(total),
                    new ObjectiveFunction(recording), GoalType.MAXIMIZE, new InitialGuess(START), new SimpleBounds(lo, hi),
                    new CMAESOptimizer.Sigma(sigma), new CMAESOptimizer.PopulationSize(population));
        } catch (TooManyEvaluationsException e) {
            // the closed loop stops at the budget
        }
        List<double[]> replayed = askTell(new CmaesReplay(START, 1, 0.3, population, 7, total), new HashMap<>());
        assertEquals(total, replayed.size());
        for (int i = 0; i < total; i++) assertArrayEquals(direct.get(i), replayed.get(i), "evaluation " + i);
    }

    @Test
    void firstAskIsTheStartPointAndTheFirstGeneration() {
        CmaesReplay r = new CmaesReplay(START, 1, 0.3, 8, 1, CmaesReplay.totalEvaluations(64, 8));
        assertEquals(65, r.total());
        assertEquals(8, r.generations());
        CmaesReplay.Ask a = r.ask(Map.of());
        assertEquals(9, a.pending().size());
        assertArrayEquals(START, a.pending().get(0).point());
        for (CmaesReplay.Candidate c : a.pending()) for (double g : c.point()) assertTrue(Math.abs(g) <= 1);
    }

    @Test
    void resumingFromAnyPrefixGivesTheSameSearch() {
        int total = CmaesReplay.totalEvaluations(40, 5);
        List<double[]> whole = askTell(new CmaesReplay(START, 1, 0.3, 5, 3, total), new HashMap<>());
        for (int cut : new int[] {1, 4, 6, 13, 30}) {
            Map<Integer, CmaesReplay.Known> prefix = new HashMap<>();
            for (int i = 0; i < cut; i++) prefix.put(i, new CmaesReplay.Known(whole.get(i), f(whole.get(i))));
            List<double[]> resumed = askTell(new CmaesReplay(START, 1, 0.3, 5, 3, total), prefix);
            for (int i = 0; i < total; i++) assertArrayEquals(whole.get(i), resumed.get(i), "cut " + cut + ", evaluation " + i);
        }
    }

    @Test
    void aRecordFromAnotherSearchIsRefused() {
        CmaesReplay other = new CmaesReplay(START, 1, 0.3, 5, 4, 11);
        Map<Integer, CmaesReplay.Known> known = new HashMap<>();
        for (CmaesReplay.Candidate c : other.ask(Map.of()).pending()) known.put(c.index(), new CmaesReplay.Known(c.point(), f(c.point())));
        CmaesReplay.Mismatch m = assertThrows(CmaesReplay.Mismatch.class, () -> new CmaesReplay(START, 1, 0.3, 5, 5, 11).ask(known));
        assertEquals(1, m.index); // the start point is common; the first sample differs
    }

    @Test
    void findsTheMaximumOfAConcaveObjective() {
        List<double[]> pts = askTell(new CmaesReplay(START, 1, 0.3, 8, 11, CmaesReplay.totalEvaluations(400, 8)), new HashMap<>());
        double[] best = pts.stream().max((a, b) -> Double.compare(f(a), f(b))).orElseThrow();
        assertArrayEquals(OPTIMUM, best, 0.02);
    }

    @Test
    void budgetRoundsUpToWholeGenerations() {
        assertEquals(65, CmaesReplay.totalEvaluations(64, 8));
        assertEquals(9, CmaesReplay.totalEvaluations(2, 8));
        assertEquals(17, CmaesReplay.totalEvaluations(10, 8));
        assertEquals(8, CmaesReplay.defaultPopulation(5));
        assertEquals(12, CmaesReplay.defaultPopulation(19));
    }
}
