package org.infomorph.runtime.reference;

import java.nio.file.Path;
import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;

/**
 * Throughput of the integer model: learning and inference samples/s of a network (default
 * examples/context.json) with the default ArchConfig and random inputs.
 * Usage: {@code ReferenceBench [network.json] [seconds]}.
 */
public final class ReferenceBench {
    private ReferenceBench() {}

    public static void main(String[] args) {
        Path file = Path.of(args.length > 0 ? args[0] : "examples/context.json");
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 10;
        NetworkSpec spec = NetworkJson.read(file);
        ArchConfig arch = ArchConfig.defaults();
        Image image = ImageFactory.fromScratch(spec, arch, 1);
        ReferenceDevice dev = new ReferenceDevice();
        dev.load(image);
        int batch = arch.learning().batchSize();
        SplittableRandom rng = new SplittableRandom(2);
        int[] x = new int[batch * spec.features()];
        int[] y = new int[batch];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(-32, 96);
        for (int b = 0; b < batch; b++) y[b] = rng.nextInt(spec.classes());
        InputBatch in = new InputBatch(batch, spec.features(), x, y);
        for (int i = 0; i < 20; i++) dev.learn(in);
        long samples = 0, t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            dev.learn(in);
            samples += batch;
        }
        double learn = samples / ((System.nanoTime() - t0) / 1e9);
        InputBatch test = new InputBatch(batch, spec.features(), x, null);
        samples = 0;
        t0 = System.nanoTime();
        while (System.nanoTime() - t0 < seconds * 1e9) {
            dev.infer(test, SpikeRule.DETERMINISTIC);
            samples += batch;
        }
        double infer = samples / ((System.nanoTime() - t0) / 1e9);
        System.out.printf("%s, batch %d, %d threads: learning %.0f samples/s, inference %.0f samples/s%n",
                file, batch, Runtime.getRuntime().availableProcessors(), learn, infer);
    }
}
