package org.infomorph.json;

import java.util.regex.Pattern;

/**
 * JSON paths in messages: {@code layers[0].sources.C.size}. A key that is not a plain name is
 * shown quoted, escaped and shortened ({@code ["a b"]}), so a path is always one short line
 * whatever the file holds.
 */
public final class JsonPaths {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$-]{0,63}");

    private JsonPaths() {}

    public static String child(String path, String key) {
        if (key == null) key = "";
        if (!PLAIN.matcher(key).matches()) return path + "[" + quote(key) + "]";
        return path == null || path.isEmpty() ? key : path + "." + key;
    }

    public static String index(String path, int i) {
        return (path == null ? "" : path) + "[" + i + "]";
    }

    /** A user string for a message: in double quotes, control characters escaped, at most 40 characters. */
    public static String quote(String s) {
        String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        StringBuilder sb = new StringBuilder("\"");
        for (char c : shown.toCharArray()) {
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c == '\n') sb.append("\\n");
            else if (c == '\r') sb.append("\\r");
            else if (c == '\t') sb.append("\\t");
            else if (Character.isISOControl(c) || Character.getType(c) == Character.LINE_SEPARATOR
                    || Character.getType(c) == Character.PARAGRAPH_SEPARATOR || Character.getType(c) == Character.FORMAT)
                sb.append(String.format("\\u%04x", (int) c));
            else sb.append(c);
        }
        return sb.append('"').toString();
    }
}
