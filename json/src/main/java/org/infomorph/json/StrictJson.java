package org.infomorph.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The one way infomorph reads a JSON file, whatever its format. It accepts standard JSON (RFC 8259)
 * only, within bounds, and turns every problem into our own words, {@code file: json.path: problem; fix}:
 * <ul>
 *   <li>a duplicate key is an error at its path (a reader would otherwise keep one value silently);</li>
 *   <li>content after the first value, comments, single quotes, unquoted words, NaN, Infinity, a
 *       leading {@code +} or {@code 0} and raw control characters in strings are errors;</li>
 *   <li>a number beyond the range of a double ({@code 1e400}) is an error;</li>
 *   <li>at most {@value #MAX_BYTES} bytes of UTF-8 text, {@value #MAX_DEPTH} levels of nesting,
 *       {@value #MAX_VALUES} values, {@value #MAX_STRING_CHARS} characters per string and
 *       {@value #MAX_NUMBER_CHARS} per number.</li>
 * </ul>
 * A leading byte-order mark is skipped. Syntax errors stop the read at once (with line and column);
 * duplicate keys and out-of-range numbers are collected, at most {@link InputException#SHOWN} with a count.
 * The tree is built without recursion, so no input can exhaust the stack. What a format then requires of
 * the tree (types, ranges, keys) is checked with {@link JsonFields}.
 */
public final class StrictJson {
    public static final int MAX_BYTES = 64 << 20;
    public static final int MAX_DEPTH = 64;
    public static final int MAX_VALUES = 2_000_000;
    public static final int MAX_STRING_CHARS = 65_536;
    public static final int MAX_NUMBER_CHARS = 400;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_DEPTH + 16) // ours is checked first; this is only a backstop
                    .maxNumberLength(MAX_NUMBER_CHARS)
                    .maxStringLength(MAX_STRING_CHARS)
                    .build())
            .build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private StrictJson() {}

    /**
     * Reads and parses a file; {@code what} names the format for messages about the file itself
     * (e.g. "network description").
     */
    public static JsonNode read(Path file, String what, InputException.Factory errors) {
        return parse(text(file, what, errors), file.toString(), errors);
    }

    /** The file's text: UTF-8, at most {@value #MAX_BYTES} bytes; a missing or unreadable file is one clear problem. */
    public static String text(Path file, String what, InputException.Factory errors) {
        String name = file.toString();
        if (name.isEmpty()) throw errors.at("", "", "an empty path was given for the " + what + "; give the path of a file");
        try {
            if (Files.isDirectory(file)) throw errors.at(name, "", "is a directory, not a " + what + " file; give the path of the file");
            if (Files.exists(file) && !Files.isRegularFile(file))
                throw errors.at(name, "", "is not a regular file (a device or a pipe); give the path of a " + what + " file");
            long size = Files.size(file);
            if (size > MAX_BYTES)
                throw errors.at(name, "", "is " + size + " bytes; a " + what + " is at most " + MAX_BYTES + " bytes of JSON: is it the right file?");
            byte[] bytes = Files.readAllBytes(file);
            try {
                return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            } catch (CharacterCodingException e) {
                throw errors.at(name, "", "is not UTF-8 text (a binary file, or another encoding); save the " + what + " as UTF-8 JSON");
            }
        } catch (NoSuchFileException e) {
            throw errors.at(name, "", "no such file; check the path of the " + what);
        } catch (AccessDeniedException e) {
            throw errors.at(name, "", "cannot be read (permission denied); make it readable");
        } catch (IOException e) {
            throw errors.at(name, "", "cannot be read (" + org.infomorph.json.IoReasons.of(e) + "); check that it is a readable " + what + " file");
        }
    }

    /** Parses JSON text into a tree; {@code file} names it in messages. */
    public static JsonNode parse(String text, String file, InputException.Factory errors) {
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.isBlank()) throw errors.at(file, "", "is empty; expected a JSON object");
        Builder b = new Builder(text, file, errors);
        try (JsonParser p = FACTORY.createParser(text)) {
            b.run(p);
        } catch (IOException e) {
            throw errors.at(file, "", "cannot be parsed; fix the JSON syntax"); // not reached for String input
        }
        if (!b.problems.isEmpty()) throw errors.create(b.problems, b.count);
        return b.root;
    }

    /** Builds the tree from the token stream with an explicit stack. */
    private static final class Builder {
        private final String text, file;
        private final InputException.Factory errors;
        private final Deque<ContainerNode<?>> stack = new ArrayDeque<>();
        private final Deque<String> paths = new ArrayDeque<>();
        private final List<String> problems = new ArrayList<>();
        private int count, values;
        private JsonNode root;
        private String key;

        Builder(String text, String file, InputException.Factory errors) {
            this.text = text;
            this.file = file;
            this.errors = errors;
        }

        void run(JsonParser p) throws IOException {
            try {
                tokens(p);
            } catch (JsonProcessingException e) { // from the next token, or from a string or number read lazily
                throw errors.at(file, "", SyntaxProblems.describe(e, text, root != null && stack.isEmpty()));
            }
        }

        private void tokens(JsonParser p) throws IOException {
            while (true) {
                JsonToken t = p.nextToken();
                if (t == null) break;
                if (root != null && stack.isEmpty())
                    throw errors.at(file, "", "has more content after the JSON value ends (" + SyntaxProblems.where(p.currentTokenLocation(), text)
                            + "); a file holds one JSON value: remove what follows");
                if (++values > MAX_VALUES)
                    throw errors.at(file, "", "holds more than " + MAX_VALUES + " JSON values; no infomorph file is that large: is it the right file?");
                switch (t) {
                    case FIELD_NAME -> key = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        if (stack.size() >= MAX_DEPTH)
                            throw errors.at(file, path(), "is nested more than " + MAX_DEPTH + " levels deep; no infomorph file nests that deep: is it the right file?");
                        ContainerNode<?> c = t == JsonToken.START_OBJECT ? NODES.objectNode() : NODES.arrayNode();
                        String at = path();
                        attach(c);
                        stack.push(c);
                        paths.push(at);
                    }
                    case END_OBJECT, END_ARRAY -> {
                        stack.pop();
                        paths.pop();
                    }
                    case VALUE_STRING -> attach(NODES.textNode(p.getText()));
                    case VALUE_NUMBER_INT -> attach(switch (p.getNumberType()) {
                        case INT -> NODES.numberNode(p.getIntValue());
                        case LONG -> NODES.numberNode(p.getLongValue());
                        default -> NODES.numberNode(p.getBigIntegerValue());
                    });
                    case VALUE_NUMBER_FLOAT -> {
                        double d = p.getDoubleValue();
                        if (!Double.isFinite(d))
                            problem(path(), "number " + SyntaxProblems.clip(p.getText()) + " is beyond the range of a double (about 1.8e308); write a smaller number");
                        attach(NODES.numberNode(d));
                    }
                    case VALUE_TRUE, VALUE_FALSE -> attach(NODES.booleanNode(t == JsonToken.VALUE_TRUE));
                    case VALUE_NULL -> attach(NODES.nullNode());
                    default -> throw errors.at(file, path(), "holds a value JSON does not have; fix the JSON syntax");
                }
            }
            if (root == null) throw errors.at(file, "", "is empty; expected a JSON object");
        }

        /** The path of the value about to be attached. */
        private String path() {
            if (stack.isEmpty()) return "";
            ContainerNode<?> top = stack.peek();
            String base = paths.peek();
            return top.isObject() ? JsonPaths.child(base, key) : JsonPaths.index(base, top.size());
        }

        private void attach(JsonNode n) {
            if (stack.isEmpty()) {
                root = n;
                return;
            }
            ContainerNode<?> top = stack.peek();
            if (top instanceof ObjectNode o) {
                if (o.has(key)) problem(JsonPaths.child(paths.peek(), key), "duplicate key (it appears more than once in this object, and only one value can count); keep one");
                else o.set(key, n);
            } else {
                ((ArrayNode) top).add(n);
            }
        }

        private void problem(String path, String message) {
            count++;
            if (problems.size() < InputException.SHOWN) problems.add(InputException.line(file, path, message));
        }
    }
}
