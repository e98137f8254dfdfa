package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.infomorph.compiler.arch.ArchConfig;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.image.ImageFactory;
import org.infomorph.compiler.network.NetworkSpec;
import org.infomorph.runtime.device.SpikeRule;
import org.infomorph.runtime.lockstep.Lockstep;
import org.infomorph.runtime.lockstep.StateDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A spike flipped by the test-only generator flag is caught, located and traced. */
class RtlFaultInjectionTest {
    @Test
    void flippedSpikeIsLocatedToItsSampleNeuronAndField(@TempDir Path dir) throws Exception {
        ArchConfig arch = RtlLockstepProperties.archA();
        // two layers and one step: the flipped hidden spike is itself a result of the sample
        NetworkSpec net;
        SplittableRandom r = new SplittableRandom(3);
        do net = RandomNetworks.network(r);
        while (net.layers().size() != 2 || net.steps() != 1);
        Image image = ImageFactory.fromScratch(net, arch, 11);
        int batch = arch.learning().batchSize();
        // RUN 11 is sample 3 of the second batch
        int fault = batch + 3;
        List<Lockstep.Step> steps = RandomNetworks.steps(net, batch, arch.numerics().input().bits(), 0, 3, new SplittableRandom(4));
        Path vcd = dir.resolve("mismatch.vcd");
        Lockstep.Result res;
        try (VerilatorDevice rtl = new VerilatorDevice(2, fault, false).withCapacityFloor(RtlLockstepProperties.FLOOR)) {
            res = Lockstep.run(image, steps, SpikeRule.DETERMINISTIC, rtl,
                    () -> new VerilatorDevice(2, fault, true).withCapacityFloor(RtlLockstepProperties.FLOOR), vcd, null);
        }
        StateDiff d = res.diff();
        assertTrue(d.mismatches() >= 1);
        StateDiff.Mismatch m = d.first().get(0);
        assertEquals(1, m.batch());
        assertEquals(3, m.sample());
        assertEquals("h", m.layer());
        assertEquals(0, m.neuron());
        assertEquals(0, m.unit());
        assertEquals("spike", m.field());
        assertTrue(Files.size(vcd) > 1000, "the VCD window is written");
        assertTrue(Files.readString(vcd).contains("$enddefinitions"));
    }
}
