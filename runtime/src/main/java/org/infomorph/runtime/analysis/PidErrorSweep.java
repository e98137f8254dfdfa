package org.infomorph.runtime.analysis;

import java.util.ArrayList;
import java.util.List;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.image.Dequantiser;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.network.TrainedNetwork;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.infomorph.runtime.run.DeviceRunner;

/**
 * How much PID fidelity and accuracy a fixed-point format costs. For each architecture variant:
 * the trained network is quantised (its weights at that width) and its histograms are decomposed
 * in float64 and by the variant's fixed-point unit ({@link PidFidelity}). The error is their
 * per-atom difference in bits, averaged over neurons and batches. The accuracy is the L2 model's
 * deterministic test accuracy at that variant.
 */
public final class PidErrorSweep {
    private PidErrorSweep() {}

    /**
     * One variant's outcome. {@code meanError}: fixed point on hardware theta vs float on exact theta
     * (end to end); {@code arithmeticError}: both on the same (hardware-theta) histogram, i.e. the
     * error of the fixed-point arithmetic alone. {@code problem} is non-null when the format cannot
     * hold the network.
     */
    public record Point(ArchVariant variant, List<double[]> atomError, List<Double> meanError, List<Double> arithmeticError,
            double accuracy, String problem) {}

    public static Point measure(TrainedNetwork trained, ArchVariant v, DatasetSplit data, int batches, long seed) {
        ArchConfig arch = v.arch();
        Image image;
        try {
            image = PostTrainingQuantiser.quantise(trained, arch, seed).image();
        } catch (InvalidInputException e) {
            return new Point(v, List.of(), List.of(), List.of(), Double.NaN, e.getMessage());
        }
        double accuracy;
        try (ReferenceDevice dev = new ReferenceDevice()) {
            dev.load(image);
            accuracy = new DeviceRunner(dev, arch, data, seed).deterministicAccuracy();
        } catch (InvalidInputException e) {
            return new Point(v, List.of(), List.of(), List.of(), Double.NaN, e.getMessage());
        }
        PidFidelity.Layers f = PidFidelity.measure(Dequantiser.dequantise(image), arch, data, batches, seed);
        List<Double> mean = new ArrayList<>(), arithmetic = new ArrayList<>();
        for (int l = 0; l < f.atomError().size(); l++) {
            mean.add(f.meanError(l));
            arithmetic.add(f.meanArithmeticError(l));
        }
        return new Point(v, f.atomError(), mean, arithmetic, accuracy, null);
    }
}
