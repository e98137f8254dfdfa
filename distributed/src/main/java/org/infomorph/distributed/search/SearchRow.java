package org.infomorph.distributed.search;

import org.infomorph.distributed.eval.EvalResult;

/** One evaluation of a search: the goal, its objective and what the run measured on the validation split. */
public record SearchRow(int index, int generation, double[] gamma, double objective, EvalResult result) {
    public boolean ok() {
        return result.ok();
    }
}
