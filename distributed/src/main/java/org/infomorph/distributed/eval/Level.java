package org.infomorph.distributed.eval;

import java.util.Arrays;
import java.util.stream.Collectors;
import org.infomorph.compiler.InvalidInputException;

/** The ladder levels a search or a sweep trains at. L3 (RTL) needs the Chisel classpath, so it is not one of them. */
public enum Level {
    /** L0: float64, the published rule. */
    PAPER("paper"),
    /** L1: float64, the hardware's rule. */
    HW_RULE("hw-rule"),
    /** L2: the bit-exact integer model. */
    FIXED("fixed");

    private final String id;

    Level(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** Whether the level runs an architecture (L1 and L2); L0 ignores it. */
    public boolean usesArch() {
        return this != PAPER;
    }

    public static Level parse(String text) {
        for (Level l : values()) if (l.id.equalsIgnoreCase(text == null ? "" : text.strip())) return l;
        throw new InvalidInputException("unknown level '" + text + "': use one of " + validNames());
    }

    public static String validNames() {
        return Arrays.stream(values()).map(Level::id).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return id;
    }
}
