package org.infomorph.compiler.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class AccuracyTest {
    @Test
    void neuronsOnForMostOfTheBatchAreReadInverted() {
        // 3 classes, 4 samples; neuron 1 is "on" (mean 0.8) and encodes class 1 by going low
        double[] theta = {
            0.9, 0.9, 0.1,
            0.2, 0.1, 0.1,
            0.1, 0.9, 0.8,
            0.1, 0.9, 0.1};
        int[] labels = {0, 1, 2, 1};
        assertArrayEquals(new boolean[] {false, true, false}, Accuracy.polarity(theta, 4, 3));
        // inverted, neuron 1 reads {0.1, 0.9, 0.1, 0.1}: predictions 0, 1, 2 and (a tie, first wins) 0
        assertEquals(3, Accuracy.correctWithBatchPolarity(theta, labels, 4, 3));
        // read as is: predictions 0, 0, 1, 1
        assertEquals(2, Accuracy.correct(theta, labels, 4, 3, new boolean[3]));
    }
}
