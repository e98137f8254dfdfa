package org.infomorph.compiler.arch;

import org.infomorph.compiler.pid.Antichain;
import org.infomorph.compiler.pid.RedundancyLattice;

/**
 * The redundancy lattice of 2 or 3 sources in integer form, for the integer model: per antichain
 * (gamma order) the inclusion-exclusion expansion of its union event (source masks and integer
 * coefficients, equal unions merged), its number of sets, the Moebius matrix and the bottom/top indices.
 */
public record LatticeTables(int sources, int[][] masks, int[][] coefs, int[] sizes, int[][] moebius, int bottom, int top) {
    public static LatticeTables of(int sources) {
        RedundancyLattice l = RedundancyLattice.of(sources);
        int k = l.size();
        int[][] masks = new int[k][], coefs = new int[k][];
        int[] sizes = new int[k];
        for (int a = 0; a < k; a++) {
            Antichain ac = l.antichains().get(a);
            Antichain.UnionExpansion e = ac.unionExpansion();
            masks[a] = e.masks();
            coefs[a] = e.coefs();
            sizes[a] = ac.size();
        }
        return new LatticeTables(sources, masks, coefs, sizes, l.moebius(), l.bottom(), l.top());
    }

    /** Number of antichains (atoms): 4 or 18. */
    public int size() {
        return sizes.length;
    }
}
