package org.infomorph.distributed.eval;

/** What an evaluation learns on and is scored on. */
public enum Holdout {
    /** learn on all of TRAIN, score on TEST */
    TEST,
    /** learn on TRAIN without its validation part, score on the validation part ({@link ValidationSplit}) */
    VALIDATION
}
