package org.infomorph.runtime.device;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.image.Image;
import org.infomorph.runtime.reference.ReferenceDevice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The contract every {@link Device} keeps (STYLE.md, pattern 8): the reference model (L2), the
 * RTL in Verilator (L3) and the simulated board (L4) each join with a one-line subclass. The
 * expectation is always a fresh {@link ReferenceDevice}, the specification: the loaded state, the
 * outputs of learning and inference batches (both spike rules) and the complete state after each
 * batch must be equal bit for bit; a reload starts again; bad batches are invalid input.
 *
 * <p>The network (12 inputs, 5 hidden, 3 classes, batch 8) and the architecture are those of the
 * RTL property tests, so the hardware backends share their builds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class DeviceContract {
    private Device device;
    private Image image;
    private int batch;

    /** A new device of the backend under test. */
    protected abstract Device create();

    @BeforeAll
    void open() {
        image = DeviceImages.contract();
        batch = image.arch().learning().batchSize();
        device = create();
    }

    @AfterAll
    void close() {
        device.close();
    }

    private InputBatch inputs(long seed, boolean labels, int size) {
        return DeviceImages.batch(labels, seed, size);
    }

    private static void assertSameOutputs(BatchResult want, BatchResult got, String what) {
        assertArrayEquals(want.outputTheta(), got.outputTheta(), what + ": output thetas");
        assertEquals(want.spikes().size(), got.spikes().size());
        for (int l = 0; l < want.spikes().size(); l++) {
            if (want.spikes().get(l) == null) continue;
            assertArrayEquals(want.spikes().get(l), got.spikes().get(l), what + ": spikes of layer " + l);
        }
    }

    @Test
    void theLevelIsNamed() {
        assertTrue(java.util.List.of("fixed", "rtl", "board").contains(device.level()), device.level());
    }

    @Test
    void theLoadedStateIsTheModels() {
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            device.load(image);
            assertEquals(ref.readState().hash(), device.readState().hash());
        }
    }

    @Test
    void learningAndInferenceEqualTheModelBitForBit() {
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            device.load(image);
            for (int b = 0; b < 2; b++) {
                InputBatch in = inputs(100 + b, true, batch);
                assertSameOutputs(ref.learn(in), device.learn(in), "learning batch " + b);
                assertEquals(ref.readState().hash(), device.readState().hash(), "state after learning batch " + b);
            }
            for (SpikeRule rule : SpikeRule.values()) {
                InputBatch in = inputs(200 + rule.ordinal(), false, batch);
                assertSameOutputs(ref.infer(in, rule), device.infer(in, rule), rule + " inference");
                assertEquals(ref.readState().hash(), device.readState().hash(), "state after " + rule + " inference");
            }
        }
    }

    @Test
    void aReloadStartsAgain() {
        device.load(image);
        device.learn(inputs(300, true, batch));
        device.load(image);
        try (ReferenceDevice ref = new ReferenceDevice()) {
            ref.load(image);
            assertEquals(ref.readState().hash(), device.readState().hash());
            InputBatch in = inputs(301, false, batch);
            assertSameOutputs(ref.infer(in, SpikeRule.DETERMINISTIC), device.infer(in, SpikeRule.DETERMINISTIC), "inference after a reload");
        }
    }

    @Test
    void badBatchesAreInvalidInput() {
        device.load(image);
        assertThrows(InvalidInputException.class, () -> device.learn(inputs(400, true, batch - 1)), "a learning batch of the wrong size");
        assertThrows(InvalidInputException.class, () -> device.learn(inputs(401, false, batch)), "a learning batch without labels");
        assertThrows(InvalidInputException.class, () -> device.infer(new InputBatch(1, 11, new int[11], null), SpikeRule.DETERMINISTIC),
                "a batch with the wrong number of features");
    }
}
