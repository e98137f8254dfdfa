package org.infomorph.compiler.arch;

/** When the coefficient table used for a batch's updates is computed. */
public enum TableMode {
    /** single pass: updates use the table of the previous batch, while this batch's histogram builds the next */
    PREVIOUS_BATCH,
    /** two passes: the batch's own histogram gives the table, then the batch is streamed again for the updates */
    SAME_BATCH
}
