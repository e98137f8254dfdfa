package org.infomorph.distributed.sweep;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.distributed.eval.Level;

/**
 * One run of a sweep. At level paper (L0) the architecture does not take part: {@code arch},
 * {@code table} and the widths are null, and the grid has one paper run per data set, goal and seed.
 */
public record SweepPoint(int index, String dataset, Level level, GoalChoice goal, TableMode table, Integer bins, Integer weightBits,
        Integer thetaBits, Integer log2Frac, long seed, ArchConfig arch) {

    /** The configuration columns, in CSV order (the seed last). */
    public static final List<String> CONFIG_COLUMNS = List.of("dataset", "level", "goal", "table_mode", "bins", "weight_bits", "theta_bits", "log2_frac", "seed");

    /** Values of {@link #CONFIG_COLUMNS}; null where the level has no architecture. */
    public List<Object> config() {
        List<Object> c = new ArrayList<>();
        c.add(dataset);
        c.add(level.id());
        c.add(goal.label());
        c.add(table == null ? null : table.name().toLowerCase().replace('_', '-'));
        c.add(bins);
        c.add(weightBits);
        c.add(thetaBits);
        c.add(log2Frac);
        c.add(seed);
        return c;
    }

    /** {@code fixed, weightBits 6, seed 2} style label of the values that vary in the grid. */
    public String label(List<Boolean> varies) {
        List<Object> c = config();
        StringBuilder sb = new StringBuilder("run " + index + " (" + level.id());
        for (int i = 0; i < c.size(); i++)
            if (varies.get(i) && i != 1 && c.get(i) != null) sb.append(", ").append(CONFIG_COLUMNS.get(i)).append(' ').append(c.get(i));
        return sb.append(')').toString();
    }
}
