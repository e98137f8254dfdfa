package org.infomorph.distributed.eval;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * What one training run measured. Accuracies are fractions, on TEST or on the validation split
 * (see the task's holdout); NaN where the run did not get that far.
 *
 * @param testAccuracy          the reference metric (stochastic spikes, per-batch polarity)
 * @param deterministicAccuracy argmax spikes, polarity frozen from the training inputs
 * @param atoms                 per layer, mean float64 PID atoms in bits (gamma order, H_res last); empty if not measured
 * @param atomError             per layer, mean |fixed-point - float64| atom in bits at the run's architecture; empty if not measured
 * @param saturation            L2 saturation events per field; empty at L0 and L1
 * @param problem               why the run did not finish ({@link Status#INVALID} or {@link Status#FAILED}), else null
 */
public record EvalResult(int index, Status status, double trainAccuracy, double testAccuracy, double deterministicAccuracy,
        List<double[]> atoms, List<Double> atomError, Map<String, Long> saturation, double seconds, String problem) implements Serializable {
    private static final long serialVersionUID = 1L;

    public enum Status {
        /** the run finished */
        OK,
        /** the configuration cannot run this network (e.g. a weight format too narrow); a result, not a fault */
        INVALID,
        /** the run threw: a fault, reported and never dropped */
        FAILED
    }

    public EvalResult {
        atoms = List.copyOf(atoms);
        atomError = List.copyOf(atomError);
        saturation = Map.copyOf(saturation);
    }

    public static EvalResult notRun(int index, Status status, String problem, double seconds) {
        return new EvalResult(index, status, Double.NaN, Double.NaN, Double.NaN, List.of(), List.of(), Map.of(), seconds, problem);
    }

    public boolean ok() {
        return status == Status.OK;
    }

    /** Mean over layers of the mean atom error; NaN if not measured. */
    public double meanAtomError() {
        return atomError.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }
}
