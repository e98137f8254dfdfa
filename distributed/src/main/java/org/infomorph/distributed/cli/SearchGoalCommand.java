package org.infomorph.distributed.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.broadcast.Broadcast;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.EvalTask;
import org.infomorph.distributed.eval.Level;
import org.infomorph.distributed.eval.ShippedData;
import org.infomorph.distributed.eval.ValidationSplit;
import org.infomorph.distributed.search.CmaesReplay;
import org.infomorph.distributed.search.ConvergencePlot;
import org.infomorph.distributed.search.FinalComparison;
import org.infomorph.distributed.search.GammaText;
import org.infomorph.distributed.search.GoalSearch;
import org.infomorph.distributed.search.Metric;
import org.infomorph.distributed.search.SearchSettings;
import org.infomorph.distributed.search.SearchStore;
import org.infomorph.distributed.spark.SparkCluster;
import org.infomorph.distributed.spark.SparkEvaluations;
import org.infomorph.runtime.cli.ArchOptions;
import org.infomorph.runtime.cli.AtomFormat;
import org.infomorph.runtime.cli.DataOptions;
import org.infomorph.runtime.cli.ExitCode;
import org.infomorph.runtime.cli.Networks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "search-goal", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Search a layer's goal vector gamma with CMA-ES (Commons Math), every training run one Spark task.",
                "Objective: accuracy on a validation split carved from TRAIN (1 in 5 of each class) after --epochs, minus",
                "--sparsity x sum|gamma_i|; gamma stays in [-bound, bound]. TEST is used once, at the end: the start goal and the",
                "best goal learn on all of TRAIN for --final-epochs with --final-seeds seeds.",
                "--out holds the state (search.json, evaluations.csv): the same command resumes, a larger --budget extends.",
                "Writes evaluations.csv, convergence.png, best-network.json (ready to train) and final.csv."})
final class SearchGoalCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NETWORK.json", description = "the network; the searched layer's goal is the start point")
    Path network;

    @Mixin DataOptions data;

    @Option(names = "--level", paramLabel = "LEVEL", defaultValue = "fixed", description = "paper, hw-rule or fixed (default: ${DEFAULT-VALUE})")
    String level;

    @Mixin ArchOptions arch;

    @Option(names = "--layer", paramLabel = "NAME", description = "the layer whose goal is searched (default: the first)")
    String layer;

    @Option(names = "--budget", paramLabel = "N", defaultValue = "64",
            description = "evaluations, rounded up to whole generations plus the start point (default: ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--population", paramLabel = "N", description = "goals per generation (default: CMA-ES's 4 + 3 ln n, 8 for 5 entries)")
    Integer population;

    @Option(names = "--sigma", paramLabel = "S", defaultValue = "0.3", description = "initial step size of CMA-ES (default: ${DEFAULT-VALUE})")
    double sigma;

    @Option(names = "--bound", paramLabel = "B", defaultValue = "1", description = "every gamma_i stays in [-B, B] (default: ${DEFAULT-VALUE})")
    double bound;

    @Option(names = "--sparsity", paramLabel = "W", defaultValue = "0",
            description = "penalty W x sum|gamma_i| subtracted from the accuracy (a fraction), favouring sparse goals (default: ${DEFAULT-VALUE})")
    double sparsity;

    @Option(names = "--metric", paramLabel = "M", defaultValue = "deterministic",
            description = "accuracy maximised: deterministic or reference (default: ${DEFAULT-VALUE})")
    Metric metric;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "10", description = "epochs of every search evaluation (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(names = "--seed", paramLabel = "S", description = "seed of every search run and of CMA-ES (default: the network's)")
    Long seed;

    @Option(names = "--final-epochs", paramLabel = "N", defaultValue = "30", description = "epochs of the final TEST runs (default: ${DEFAULT-VALUE})")
    int finalEpochs;

    @Option(names = "--final-seeds", paramLabel = "N", defaultValue = "3",
            description = "seeds S, S+1, ... of the final TEST runs; 0 leaves TEST untouched (default: ${DEFAULT-VALUE})")
    int finalSeeds;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "goal-search", description = "state and results (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin SparkOptions spark;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        NetworkSpec net = NetworkJson.read(network);
        Level lv = Level.parse(level);
        String archJson = lv.usesArch() ? ArchConfigJson.write(arch.load()) : null;
        String layerName = layer != null ? layer : net.layers().get(0).name();
        int li = net.layerIndex(layerName);
        if (li < 0) throw new InvalidInputException("--layer " + layerName + ": " + network + " has no such layer");
        LayerSpec searched = net.layers().get(li);
        int dims = searched.goal().gamma().length;
        int pop = population != null ? population : CmaesReplay.defaultPopulation(dims);
        check(pop, searched);
        long s = seed != null ? seed : net.training().seed();
        spark.check(); // a bad or unreachable --master is an input error before any data is loaded
        DatasetSplit split = data.load(System.err);
        Networks.checkFits(net, split, network);
        SearchSettings settings = new SearchSettings(SearchSettings.FORMAT, NetworkJson.write(net), layerName, split.name(), lv.id(), archJson, epochs, s,
                pop, sigma, bound, sparsity, metric, budget);
        GoalSearch search = new GoalSearch(settings);
        List<String> labels = Arrays.asList(AtomFormat.labels(searched));
        SearchStore store = SearchStore.open(out, settings, labels);
        CmaesReplay cma = search.optimiser();
        DatasetSplit validation = ValidationSplit.carve(split);
        o.printf("goal search: %s, layer %s %s, level %s, %s (learn %,d, validate %,d of TRAIN)%n", net.name(), layerName, GammaText.of(search.startGamma()),
                lv, split.name(), validation.train().size(), validation.test().size());
        o.printf("  CMA-ES: %d evaluations (start + %d generations of %d), sigma %s, gamma in [-%s, %s], sparsity %s, %s accuracy, %d epochs, seed %d%n",
                cma.total(), cma.generations(), pop, sigma, bound, bound, sparsity, metric, epochs, s);
        long resumed = store.all().stream().filter(r -> r.ok()).count();
        if (resumed > 0) o.printf("  resuming: %d evaluations in %s%n", resumed, store.evaluationsFile());
        o.flush();
        Map<String, DatasetSplit> shipped = new LinkedHashMap<>();
        ShippedData.add(shipped, split, finalSeeds > 0, true);
        try (SparkCluster cluster = spark.start("infomorph search-goal")) {
            o.printf("  Spark %s, %d cores%n", cluster.master().url(), cluster.cores());
            o.flush();
            Broadcast<ShippedData> shared = cluster.share(ShippedData.of(shipped));
            java.util.function.Function<List<EvalTask>, List<EvalResult>> evaluate = t -> SparkEvaluations.run(cluster, shared, t, null);
            GoalSearch.Outcome result = search.run(store, evaluate, p -> {
                o.printf("generation %d/%d: %d/%d evaluations, best %.2f%% (evaluation %d), ~%s left%n", p.generation(), p.generations(), p.evaluations(),
                        p.total(), 100 * p.best().objective(), p.best().index(), duration(p.secondsLeft()));
                o.flush();
            });
            ConvergencePlot.write(store.all(), "goal search: " + net.name() + " / " + layerName + " at " + lv, out.resolve(SearchStore.CONVERGENCE));
            Files.writeString(out.resolve(SearchStore.BEST), NetworkJson.write(search.withGoal(result.best().gamma())));
            o.printf("search %s after %d evaluations%n", result.converged() ? "converged (CMA-ES stopped)" : "done", result.evaluations());
            o.printf("  start goal %s: validation %.2f%%%n", GammaText.of(result.start().gamma()), 100 * metric.of(result.start().result()));
            o.printf("  best goal  %s: validation %.2f%% (evaluation %d, objective %.4f)%n", GammaText.of(result.best().gamma()),
                    100 * metric.of(result.best().result()), result.best().index(), result.best().objective());
            o.printf("wrote %s, %s, %s%n", store.evaluationsFile(), out.resolve(SearchStore.CONVERGENCE), out.resolve(SearchStore.BEST));
            if (finalSeeds > 0) finalTest(o, search, result, searched, li, evaluate, s);
        }
        return ExitCode.OK.code;
    }

    private void finalTest(PrintWriter o, GoalSearch search, GoalSearch.Outcome result, LayerSpec searched, int li,
            java.util.function.Function<List<EvalTask>, List<EvalResult>> evaluate, long s) throws java.io.IOException {
        o.printf("TEST: start and best goal, %d epochs on all of TRAIN, seeds %d..%d%n", finalEpochs, s, s + finalSeeds - 1);
        o.flush();
        FinalComparison f = FinalComparison.run(search, result.start(), result.best(), finalEpochs, finalSeeds, s, evaluate);
        f.write(out.resolve(SearchStore.FINAL), List.of(result.start().gamma(), result.best().gamma()));
        for (int g = 0; g < 2; g++) {
            List<EvalResult> runs = g == 0 ? f.start() : f.best();
            o.printf("  %-5s goal: test-deterministic %s, test %s (mean, 95%% CI over %d seeds)%n", g == 0 ? "start" : "best",
                    FinalComparison.deterministic(runs).percent(), FinalComparison.reference(runs).percent(), runs.size());
            o.println("    PID atoms " + AtomFormat.line(searched, FinalComparison.atoms(runs, li)));
        }
        double dDet = FinalComparison.deterministic(f.best()).mean() - FinalComparison.deterministic(f.start()).mean();
        double dRef = FinalComparison.reference(f.best()).mean() - FinalComparison.reference(f.start()).mean();
        o.printf("wrote %s%n", out.resolve(SearchStore.FINAL));
        o.printf("best - start: %+.2f pt test-deterministic, %+.2f pt test%n", 100 * dDet, 100 * dRef);
    }

    private void check(int pop, LayerSpec searched) {
        if (budget < 2) throw new InvalidInputException("--budget " + budget + ": must be >= 2 (the start and one generation)");
        if (pop < 2) throw new InvalidInputException("--population " + pop + ": must be >= 2");
        if (!(bound > 0)) throw new InvalidInputException("--bound " + bound + ": must be > 0");
        if (!(sigma > 0) || sigma > 2 * bound) throw new InvalidInputException("--sigma " + sigma + ": must be in (0, 2 x bound]");
        if (!(sparsity >= 0)) throw new InvalidInputException("--sparsity " + sparsity + ": must be >= 0");
        if (epochs < 1) throw new InvalidInputException("--epochs " + epochs + ": must be >= 1");
        if (finalSeeds < 0 || finalEpochs < 1) throw new InvalidInputException("--final-seeds must be >= 0 and --final-epochs >= 1");
        for (double g : searched.goal().gamma())
            if (Math.abs(g) > bound)
                throw new InvalidInputException(network + ": layer " + searched.name() + " starts from goal " + GammaText.of(searched.goal().gamma())
                        + ", outside [-" + bound + ", " + bound + "]; raise --bound");
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : s >= 60 ? String.format("%dm%02ds", s / 60, s % 60) : s + "s";
    }
}
