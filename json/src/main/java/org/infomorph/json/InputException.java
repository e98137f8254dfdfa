package org.infomorph.json;

import java.util.ArrayList;
import java.util.List;

/**
 * A mistake in something the user supplied (a file, an option, a value): the CLI prints the first
 * problem as one line on stderr and exits with {@code 2}, never with a stack trace.
 *
 * <p>An exception holds at most {@value #SHOWN} problems, each one line of the form
 * {@code file: json.path: problem; fix}, and the total count of problems found (a file with three
 * million unknown keys gives 20 lines and the count, not three million lines). Every subsystem's
 * input error type extends this one, so one handler maps them all to the same exit code.
 */
public class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The most problems one exception lists; the rest are only counted. */
    public static final int SHOWN = 20;

    private final List<String> problems;
    private final int total;
    private String more = "'infomorph check FILE' lists up to " + SHOWN + " problems of a file";

    /** One problem, or several separated by line breaks (each line one problem). */
    public InputException(String message) {
        this(message, null);
    }

    public InputException(String message, Throwable cause) {
        super(null, cause);
        List<String> lines = new ArrayList<>();
        for (String l : (message == null ? "" : message).split("\n")) if (!l.isBlank()) lines.add(l);
        if (lines.isEmpty()) lines.add("invalid input");
        this.total = lines.size();
        this.problems = List.copyOf(lines.subList(0, Math.min(SHOWN, lines.size())));
    }

    /** The first problems ({@code <= SHOWN}) and how many were found in all ({@code >= problems.size()}). */
    public InputException(List<String> problems, int total) {
        super(null, null);
        if (problems.isEmpty()) throw new IllegalArgumentException("an input error needs at least one problem");
        this.problems = List.copyOf(problems.subList(0, Math.min(SHOWN, problems.size())));
        this.total = Math.max(total, this.problems.size());
    }

    /** The problems shown, in the order found, at most {@value #SHOWN}. */
    public List<String> problems() {
        return problems;
    }

    /** How many problems were found, shown or not. */
    public int total() {
        return total;
    }

    /** How the user sees the problems not printed (the CLI prints the first), e.g. "'infomorph fit' lists them". */
    public String more() {
        return more;
    }

    /** Sets {@link #more()}; returns this. */
    public InputException more(String howToListTheRest) {
        this.more = howToListTheRest;
        return this;
    }

    /** The first problem: what the CLI prints. */
    public String first() {
        return problems.get(0);
    }

    /** The problems shown, one per line, then a count of those not shown (if any). */
    @Override
    public String getMessage() {
        String shown = String.join("\n", problems);
        int hidden = total - problems.size();
        return hidden > 0 ? shown + "\n... and " + hidden + " more problem" + (hidden == 1 ? "" : "s") + " (the first " + problems.size() + " are shown)"
                : shown;
    }

    /** Creates the input-error type of a subsystem from its problems; lets shared readers throw each caller's type. */
    @FunctionalInterface
    public interface Factory {
        InputException create(List<String> problems, int total);

        /** The single problem {@code file: path: problem}, leaving out the parts that are null or empty. */
        default InputException at(String file, String path, String problem) {
            return create(List.of(line(file, path, problem)), 1);
        }
    }

    /** {@code file: path: problem}, leaving out the parts that are null or empty. */
    public static String line(String file, String path, String problem) {
        StringBuilder sb = new StringBuilder();
        if (file != null && !file.isEmpty()) sb.append(file).append(": ");
        if (path != null && !path.isEmpty()) sb.append(path).append(": ");
        return sb.append(problem).toString();
    }
}
