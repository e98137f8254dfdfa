package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.CompiledImage;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageStore;
import org.infomorph.compiler.image.MemoryImages;
import org.infomorph.compiler.image.PostTrainingQuantiser;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.compiler.mapping.Mode;
import org.infomorph.compiler.network.NetworkInit;
import org.infomorph.compiler.network.NetworkJson;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.BatchResult;
import org.infomorph.runtime.device.InputBatch;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.targets.Targets;
import org.junit.jupiter.api.Test;

/** compile -> write -> load (from the manifest, and from the $readmemh files) -> the same bits as the quantised network run directly. */
class CompiledImageRoundTripTest {
    @Test
    void aCompiledImageRunsBitForBitLikeTheQuantisedNetwork() throws Exception {
        NetworkSpec net = NetworkJson.read(Path.of("../examples/synthetic-context.json"));
        ArchConfig arch = ArchConfig.defaults();
        Image direct = PostTrainingQuantiser.quantise(NetworkInit.initial(net, 8), arch, 8).image();
        Compilation c = Compilation.of(net, arch, Targets.builtIn("ice40up5k-icebreaker"), Mode.INFER);
        Path dir = Files.createTempDirectory("compiled");
        CompiledImage.write(direct, c, dir);
        Image loaded = ImageStore.load(dir);
        Image fromHex = MemoryImages.readBack(loaded, c.mapping(), dir.resolve(CompiledImage.MEMORIES));

        SplittableRandom rng = new SplittableRandom(3);
        int b = arch.learning().batchSize();
        int[] x = new int[b * net.features()], y = new int[b];
        for (int i = 0; i < x.length; i++) x[i] = rng.nextInt(-40, 100);
        for (int i = 0; i < b; i++) y[i] = rng.nextInt(net.classes());
        String expected = null;
        int[] expectedTheta = null;
        for (Image image : new Image[] {direct, loaded, fromHex}) {
            ReferenceDevice dev = new ReferenceDevice();
            dev.load(image);
            dev.learn(new InputBatch(b, net.features(), x, y));
            BatchResult r = dev.infer(new InputBatch(b, net.features(), x, null), SpikeRule.STOCHASTIC);
            String hash = dev.readState().hash();
            if (expected == null) {
                expected = hash;
                expectedTheta = r.outputTheta();
            }
            assertEquals(expected, hash);
            assertArrayEquals(expectedTheta, r.outputTheta());
        }
    }
}
