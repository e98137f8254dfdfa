package org.infomorph.distributed.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.broadcast.Broadcast;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.data.DatasetName;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.Datasets;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.EvalResult;
import org.infomorph.distributed.eval.EvalTask;
import org.infomorph.distributed.eval.Holdout;
import org.infomorph.distributed.eval.ShippedData;
import org.infomorph.distributed.spark.JobFailure;
import org.infomorph.distributed.spark.SparkCluster;
import org.infomorph.distributed.spark.SparkEvaluations;
import org.infomorph.distributed.sweep.SweepPlots;
import org.infomorph.distributed.sweep.SweepPoint;
import org.infomorph.distributed.sweep.SweepSpec;
import org.infomorph.distributed.sweep.SweepSpecReader;
import org.infomorph.distributed.sweep.SweepTable;
import org.infomorph.runtime.cli.ExitCode;
import org.infomorph.runtime.cli.Networks;
import org.infomorph.distributed.sweep.SweepSummary;
import org.infomorph.runtime.report.HtmlReport;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Train a grid of configurations (data sets, levels, goals, table modes, bins, weight/theta/log2 widths, seeds)",
                "from scratch, every run one Spark task, and score each on TEST. SPEC format: docs/sweep-spec.md.",
                "Writes runs.csv (a row per run: configuration, accuracies, mean PID-atom error, saturation counts, time),",
                "summary.csv (mean and 95% confidence interval over seeds) and accuracy-vs-WIDTH.png per varying width."})
final class SweepCommand implements Callable<Integer> {
    static final String RUNS = "runs.csv", SUMMARY = "summary.csv";

    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "SPEC.json", description = "the sweep (format infomorph-sweep/1)")
    Path specFile;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "sweep", description = "output folder (default: ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--cache", paramLabel = "DIR", description = "data cache folder (default: $INFOMORPH_CACHE, else ~/.cache/infomorph)")
    Path cache;

    @Mixin SparkOptions spark;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the figures as JSON (format " + SweepSummary.FORMAT + ", docs/report.md)")
    Path json;

    @Override
    public Integer call() throws Exception {
        PrintWriter o = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        JsonSummary.check("--json", json, java.util.Arrays.asList(specFile, cache));
        SweepSpec sweep = SweepSpecReader.read(specFile);
        spark.check();
        org.infomorph.distributed.sweep.ArchVariants variants = new org.infomorph.distributed.sweep.ArchVariants(sweep.arch(), specFile.toString());
        List<SweepPoint> points = sweep.points(variants);
        List<Boolean> varies = sweep.varies();
        Map<String, DatasetSplit> data = new LinkedHashMap<>();
        var dc = cache != null ? new org.infomorph.compiler.data.DataCache(cache) : org.infomorph.compiler.data.DataCache.fromEnvironment();
        for (String d : sweep.datasets()) {
            DatasetSplit split = Datasets.load(DatasetName.parse(d), dc, System.err);
            Networks.checkFits(sweep.network(), split, specFile + ": network");
            data.put(d, split);
        }
        List<EvalTask> tasks = new ArrayList<>();
        for (SweepPoint p : points) tasks.add(task(sweep, p, varies));
        o.printf("sweep %s: %s, %d runs of %d epochs (%s)%n", specFile, sweep.network().name(), points.size(), sweep.epochs(), axes(sweep));
        o.flush();
        Files.createDirectories(out);
        List<EvalResult> results;
        long t0 = System.nanoTime();
        try (SparkCluster cluster = spark.start("infomorph sweep")) {
            o.printf("  Spark %s, %d cores%n", cluster.master().url(), cluster.cores());
            o.flush();
            Broadcast<ShippedData> shared = cluster.share(ShippedData.of(data));
            AtomicInteger done = new AtomicInteger();
            AtomicLong lastPrint = new AtomicLong(System.nanoTime());
            results = SparkEvaluations.run(cluster, shared, tasks, i -> {
                int n = done.incrementAndGet();
                long now = System.nanoTime();
                if (now - lastPrint.get() > 10_000_000_000L || n == tasks.size()) {
                    lastPrint.set(now);
                    double secs = (now - t0) / 1e9;
                    err.printf("sweep: %d/%d runs, %s, ~%s left%n", n, tasks.size(), SearchGoalCommand.duration(secs),
                            SearchGoalCommand.duration(secs / n * (tasks.size() - n)));
                    err.flush();
                }
            });
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        List<SweepTable.Run> runs = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) runs.add(new SweepTable.Run(points.get(i), results.get(i)));
        List<String> layers = sweep.network().layers().stream().map(LayerSpec::name).toList();
        SweepTable.writeRuns(runs, layers, sweep.epochs(), out.resolve(RUNS));
        List<SweepTable.Group> groups = SweepTable.groups(runs);
        SweepTable.writeSummary(groups, out.resolve(SUMMARY));
        List<Path> plots = SweepPlots.write(groups, varies, out);
        SweepSummary summary = SweepSummary.of(Provenance.of(spec, Map.of(), Map.of()), sweep.network().name(), sweep.epochs(), runs, groups, plots, wall);
        Files.writeString(out.resolve("index.html"), HtmlReport.render(summary.report(out)), java.nio.charset.StandardCharsets.UTF_8);
        JsonSummary.write("--json", json, summary);
        printSummary(o, groups, varies);
        int failed = 0;
        for (SweepTable.Run r : runs) {
            if (r.result().ok()) continue;
            String what = r.point().label(varies);
            if (r.result().status() == EvalResult.Status.INVALID) o.println("  " + what + " cannot run: " + r.result().problem());
            else {
                err.println("error: " + what + " failed: " + r.result().problem());
                failed++;
            }
        }
        o.printf("wrote %s, %s, %s%s%n", out.resolve("index.html"), out.resolve(RUNS), out.resolve(SUMMARY), plots.isEmpty() ? " (no width varies: no plot)"
                : ", " + String.join(", ", plots.stream().map(Path::toString).toList()));
        o.printf("sweep: %d runs in %.1f s%n", runs.size(), wall);
        o.flush();
        if (failed > 0) throw new JobFailure(failed + " of " + runs.size() + " runs failed; they are rows with status 'failed' in " + out.resolve(RUNS));
        return ExitCode.OK.code;
    }

    private static EvalTask task(SweepSpec s, SweepPoint p, List<Boolean> varies) {
        NetworkSpec net = s.network();
        LayerSpec layer = net.layers().get(s.goalLayer());
        NetworkSpec withGoal = net.withLayer(s.goalLayer(), layer.withGoal(p.goal().goal()));
        return new EvalTask(p.index(), p.label(varies), NetworkJson.write(withGoal), p.level(), p.arch() == null ? null : ArchConfigJson.write(p.arch()),
                p.dataset(), Holdout.TEST, s.epochs(), p.seed(), s.atomBatches());
    }

    private static String axes(SweepSpec s) {
        List<String> out = new ArrayList<>();
        List<Boolean> v = s.varies();
        for (int i = 0; i < v.size(); i++) if (v.get(i)) out.add(SweepPoint.CONFIG_COLUMNS.get(i));
        return out.isEmpty() ? "a single configuration" : "varying " + String.join(", ", out);
    }

    private static void printSummary(PrintWriter o, List<SweepTable.Group> groups, List<Boolean> varies) {
        o.println("configuration                                          runs  test-deterministic (95% CI)  test (95% CI)       atom error (bit)");
        for (SweepTable.Group g : groups) {
            StringBuilder sb = new StringBuilder(String.valueOf(g.config().get(1)));
            for (int i = 0; i < g.config().size(); i++)
                if (i != 1 && varies.get(i) && g.config().get(i) != null) sb.append(", ").append(SweepPoint.CONFIG_COLUMNS.get(i)).append(' ').append(g.config().get(i));
            var err = g.atomError();
            o.printf("%-54s %4d  %-27s  %-18s  %s%n", sb, g.runs().size(), g.deterministic().percent(), g.reference().percent(),
                    err.n() == 0 ? "-" : String.format("%.4f", err.mean()));
        }
    }
}
