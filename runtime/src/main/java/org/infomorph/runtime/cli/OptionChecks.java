package org.infomorph.runtime.cli;

import java.util.List;
import org.infomorph.compiler.InvalidInputException;

/** The documented range of a numeric option, checked before a command does any work. */
final class OptionChecks {
    private OptionChecks() {}

    /** {@code option: must be in min..max, got v; fix} unless null or inside. */
    static void range(String option, Number value, long min, long max) {
        if (value != null && (value.longValue() < min || value.longValue() > max))
            throw new InvalidInputException(option + ": must be in " + min + ".." + max + ", got " + value + "; see --help for the range");
    }

    static void range(String option, Double value, double min, double max) {
        if (value != null && !(value >= min && value <= max))
            throw new InvalidInputException(option + ": must be in " + min + ".." + max + ", got " + value + "; see --help for the range");
    }

    /** Every entry of a comma-separated list in range, and the list not empty. */
    static void each(String option, List<? extends Number> values, long min, long max) {
        if (values == null) return;
        if (values.isEmpty()) throw new InvalidInputException(option + ": give at least one value");
        for (Number v : values) range(option, v, min, max);
    }

    /** A path option must not be empty (an empty string would silently mean the working directory). */
    static java.nio.file.Path path(String option, java.nio.file.Path p, String what) {
        if (p != null && p.toString().isBlank()) throw new InvalidInputException(option + ": an empty path was given; give " + what);
        return p;
    }

    /** An option that has no effect in this combination is refused rather than ignored. */
    static void onlyWith(String option, boolean given, boolean applies, String when) {
        if (given && !applies) throw new InvalidInputException(option + ": has no effect " + when + "; remove it");
    }
}
