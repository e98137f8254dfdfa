package org.infomorph.distributed.sweep;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.arch.ArchConfigJson;
import org.infomorph.compiler.arch.TableMode;
import org.infomorph.compiler.arch.UpdateMode;
import org.infomorph.runtime.analysis.ArchVariant;

/**
 * The architecture of a grid point: the base configuration edited through its own {@code with...}
 * methods ({@link ArchVariant}, the same edits as {@code pid-error}) and, for the table mode,
 * through its JSON, then read back by {@link ArchConfigJson}, which checks every rule. Fields this
 * class does not name are carried over untouched.
 */
public final class ArchVariants {
    private final ArchConfig base;
    private final String file;
    private final Map<List<Object>, ArchConfig> made = new HashMap<>();

    public ArchVariants(ArchConfig base, String file) {
        this.base = base;
        this.file = file;
    }

    public ArchConfig of(TableMode table, int bins, int weightBits, int thetaBits, int log2Frac) {
        return made.computeIfAbsent(List.of(table, bins, weightBits, thetaBits, log2Frac), k -> make(table, bins, weightBits, thetaBits, log2Frac));
    }

    private ArchConfig make(TableMode table, int bins, int weightBits, int thetaBits, int log2Frac) {
        String point = "grid point (tableMode " + table + ", bins " + bins + ", weightBits " + weightBits + ", thetaBits " + thetaBits
                + ", log2Frac " + log2Frac + ")";
        try {
            ArchConfig a = base;
            if (bins != a.bins()) a = ArchVariant.of(a, ArchVariant.BINS, bins).arch();
            if (weightBits != a.numerics().weightBits()) a = ArchVariant.of(a, ArchVariant.WEIGHTS, weightBits).arch();
            if (thetaBits != a.numerics().theta().bits()) a = ArchVariant.of(a, ArchVariant.THETA, thetaBits).arch();
            if (log2Frac != a.numerics().log2().frac()) a = ArchVariant.of(a, ArchVariant.LOG2, log2Frac).arch();
            ObjectNode tree = ArchConfigJson.toTree(a);
            ((ObjectNode) tree.get("learning")).put("table", table.name());
            // the per-sample update reads the previous batch's table: SAME_BATCH accumulates over the batch
            if (table == TableMode.SAME_BATCH) ((ObjectNode) tree.get("learning")).put("update", UpdateMode.ACCUMULATE.name());
            return ArchConfigJson.fromTree(tree, file, point + ": ");
        } catch (InvalidInputException e) {
            throw e;
        } catch (RuntimeException e) {
            throw InvalidInputException.at(file, point, e.getMessage() + "; change that axis of the grid");
        }
    }
}
