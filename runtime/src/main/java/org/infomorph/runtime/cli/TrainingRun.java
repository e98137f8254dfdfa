package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.compiler.train.EpochReport;
import org.infomorph.compiler.train.Trainer;
import org.infomorph.runtime.report.EpochFigures;
import org.infomorph.runtime.report.JsonSummary;
import org.infomorph.runtime.report.Provenance;
import org.infomorph.runtime.report.TrainSummary;

/** Runs the epochs of a training, printing one report per epoch; shared by train and demo. */
record TrainingRun(List<EpochReport> epochs, TrainedNetwork trained) {
    EpochReport last() {
        return epochs.get(epochs.size() - 1);
    }

    /** The run as {@code train --json} writes it; {@code saved} is the --out directory or null. */
    TrainSummary summary(picocli.CommandLine.Model.CommandSpec spec, NetworkSpec net, String dataset, String level, java.nio.file.Path saved) {
        List<TrainSummary.LayerLabels> layers = net.layers().stream().map(l -> new TrainSummary.LayerLabels(l.name(), List.of(AtomFormat.labels(l)))).toList();
        Provenance p = Provenance.of(spec, java.util.Map.of("network", net.training().seed()),
                java.util.Map.of("weights_sha256", WeightsHash.of(trained)));
        return new TrainSummary(TrainSummary.FORMAT, p, net.name(), dataset, level, layers, EpochFigures.of(epochs), JsonSummary.num(last().testAccuracy()),
                JsonSummary.num(last().testAccuracyDeterministic()), saved == null ? null : saved.toString());
    }

    static TrainingRun execute(TrainedNetwork initial, DatasetSplit split, boolean atoms, PrintWriter o) {
        return execute(new Trainer(initial, initial.spec().training().seed()), initial, split, atoms, o);
    }

    static TrainingRun execute(Trainer trainer, TrainedNetwork initial, DatasetSplit split, boolean atoms, PrintWriter o) {
        int total = initial.spec().training().epochs();
        List<EpochReport> reports = new ArrayList<>();
        EpochReport r0 = trainer.evaluateInitial(split);
        reports.add(r0);
        print(o, r0, initial.spec().layers());
        for (int e = 1; e <= total; e++) {
            EpochReport r;
            try (Progress p = Progress.start("epoch " + e + "/" + total, split.train().size())) {
                r = trainer.trainEpoch(e, split, atoms, p.stepper());
            }
            reports.add(r);
            print(o, r, initial.spec().layers());
        }
        return new TrainingRun(reports, trainer.network().snapshot());
    }

    static void print(PrintWriter o, EpochReport r, List<LayerSpec> layers) {
        if (r.epoch() == 0) {
            o.printf("epoch %3d  (before learning)     test %6.2f%%  test-deterministic %6.2f%%%n",
                    r.epoch(), 100 * r.testAccuracy(), 100 * r.testAccuracyDeterministic());
        } else {
            o.printf("epoch %3d  train %6.2f%%  test %6.2f%%  test-deterministic %6.2f%%  %,.0f samples/s%n",
                    r.epoch(), 100 * r.trainAccuracy(), 100 * r.testAccuracy(), 100 * r.testAccuracyDeterministic(), r.samplesPerSecond());
        }
        for (int l = 0; l < r.atoms().size(); l++) o.println("           " + AtomFormat.line(layers.get(l), r.atoms().get(l)));
        o.flush();
    }
}
