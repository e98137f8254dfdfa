package org.infomorph.runtime.cli;

import java.util.List;
import org.infomorph.compiler.network.LayerSpec;
import org.infomorph.compiler.network.SourceSpec;
import org.infomorph.compiler.pid.Antichain;
import org.infomorph.compiler.pid.RedundancyLattice;

/** Prints PID atoms with labels in the paper's style, e.g. (R)(C) for the redundancy of R and C. */
public final class AtomFormat {
    private AtomFormat() {}

    /** Labels in gamma order, H_res last; source i is written as its role letter. */
    public static String[] labels(LayerSpec layer) {
        List<SourceSpec> src = layer.sources();
        List<Antichain> chains = RedundancyLattice.of(src.size()).antichains();
        String[] out = new String[chains.size() + 1];
        for (int a = 0; a < chains.size(); a++) {
            String notation = chains.get(a).notation();
            StringBuilder sb = new StringBuilder();
            for (char ch : notation.toCharArray()) {
                if (ch == '{') sb.append('(');
                else if (ch == '}') sb.append(')');
                else sb.append(src.get(ch - '1').role().name());
            }
            out[a] = sb.toString();
        }
        out[chains.size()] = "H_res";
        return out;
    }

    public static String line(LayerSpec layer, double[] atoms) {
        String[] labels = labels(layer);
        StringBuilder sb = new StringBuilder(String.format("%-8s", layer.name()));
        for (int i = 0; i < atoms.length; i++) sb.append(String.format(" %s %.4f", labels[i], atoms[i]));
        return sb.toString();
    }
}
