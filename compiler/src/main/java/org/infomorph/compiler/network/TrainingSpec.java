package org.infomorph.compiler.network;

public record TrainingSpec(int batchSize, int epochs, long seed) {
    public TrainingSpec withEpochs(int e) {
        return new TrainingSpec(batchSize, e, seed);
    }

    public TrainingSpec withSeed(long s) {
        return new TrainingSpec(batchSize, epochs, s);
    }
}
