package org.infomorph.compiler.data;

/** A named data set's train and test splits, preprocessed with statistics of {@code train} only. */
public record DatasetSplit(String name, Dataset train, Dataset test) {

    public DatasetSplit {
        if (train.features() != test.features() || train.classes() != test.classes()) {
            throw new IllegalArgumentException(name + ": train " + train + " and test " + test
                    + " must have the same features and classes");
        }
    }

    /** Features per sample (the same in both splits). */
    public int features() {
        return train.features();
    }

    /** Number of classes (the same in both splits). */
    public int classes() {
        return train.classes();
    }
}
