package org.infomorph.distributed.sweep;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.distributed.eval.Level;

/**
 * A sweep, as read from a SPEC file (format {@value #FORMAT}, docs/sweep-spec.md): the network, a
 * base architecture and the axes of the grid. Every axis has at least one value; an axis the
 * SPEC leaves out has the network's or the architecture's own value.
 *
 * @param goalLayer   index of the layer whose goal the {@code goals} axis sets
 * @param atomBatches training batches whose histograms give the PID atom error of each run (0: none)
 */
public record SweepSpec(Path file, NetworkSpec network, ArchConfig arch, int epochs, int goalLayer, int atomBatches, List<String> datasets,
        List<Level> levels, List<GoalChoice> goals, List<TableMode> tableModes, List<Integer> bins, List<Integer> weightBits,
        List<Integer> thetaBits, List<Integer> log2Frac, List<Long> seeds) {
    public static final String FORMAT = "infomorph-sweep/1";

    /** The grid in CSV order: data set, level, goal, table mode, bins, weight, theta and log2 widths, seed (innermost). */
    public List<SweepPoint> points(ArchVariants variants) {
        List<SweepPoint> out = new ArrayList<>();
        for (String d : datasets)
            for (Level l : levels)
                for (GoalChoice g : goals) {
                    if (!l.usesArch()) {
                        for (long s : seeds) out.add(new SweepPoint(out.size(), d, l, g, null, null, null, null, null, s, null));
                        continue;
                    }
                    for (TableMode t : tableModes)
                        for (int b : bins)
                            for (int w : weightBits)
                                for (int th : thetaBits)
                                    for (int lg : log2Frac) {
                                        ArchConfig a = variants.of(t, b, w, th, lg);
                                        for (long s : seeds) out.add(new SweepPoint(out.size(), d, l, g, t, b, w, th, lg, s, a));
                                    }
                }
        return out;
    }

    /** Per config column of {@link SweepPoint#CONFIG_COLUMNS}: whether the grid has more than one value there. */
    public List<Boolean> varies() {
        return List.of(datasets.size() > 1, levels.size() > 1, goals.size() > 1, tableModes.size() > 1, bins.size() > 1, weightBits.size() > 1,
                thetaBits.size() > 1, log2Frac.size() > 1, seeds.size() > 1);
    }
}
