package org.infomorph.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;

/**
 * Puts a JSON syntax error into our own words: what is wrong, where (line and column, and the text
 * there) and how to fix it. The parser's own message only selects the case; it is never shown,
 * since it speaks of parser features a user cannot change.
 */
final class SyntaxProblems {
    private SyntaxProblems() {}

    static String describe(JsonProcessingException e, String text, boolean afterValue) {
        JsonLocation loc = e.getLocation() != null ? e.getLocation() : JsonLocation.NA;
        String where = where(loc, text);
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        int at = offset(loc, text);
        char c = at >= 0 && at < text.length() ? text.charAt(at) : 0;
        if (afterValue) return "has more content after the JSON value ends (" + where + "); a file holds one JSON value: remove what follows";
        if (e instanceof JsonEOFException || m.contains("end-of-input"))
            return "ends in the middle of a value (" + where + "); the file is cut short, or a closing bracket, brace or quote is missing";
        if (e instanceof StreamConstraintsException)
            return "holds a number longer than " + StrictJson.MAX_NUMBER_CHARS + " characters or a string longer than " + StrictJson.MAX_STRING_CHARS
                    + " (" + where + "); no infomorph file needs that: is it the right file?";
        if (m.startsWith("Non-standard token"))
            return "NaN and Infinity are not JSON numbers (" + where + "); write a finite number such as 0.5 or -2";
        if (m.contains("plus sign")) return "a number starts with '+' (" + where + "); JSON numbers have no plus sign: write 1, not +1";
        if (m.contains("Leading zeroes")) return "a number starts with 0 followed by digits (" + where + "); write 8, not 08";
        if (m.contains("comment")) return "holds a comment (" + where + "); JSON has no comments: remove it";
        if (m.contains("Illegal unquoted character"))
            return "a string holds a raw line break, tab or control character (" + where + "); write it escaped (\\n, \\t) or remove it";
        if (m.contains("Decimal point not followed"))
            return "a number ends with a decimal point (" + where + "); write 1.0 or 1";
        if (c == '\'') return "uses single quotes (" + where + "); JSON strings and keys need double quotes";
        if ((c == '}' || c == ']') && (m.contains("field name") || m.contains("valid value")))
            return "has a comma before '" + c + "' (" + where + "); remove the trailing comma";
        if (c == ',' && m.contains("valid value")) return "a value is missing between two commas (" + where + "); remove a comma or add the value";
        if (c == '.') return "a number starts with a decimal point (" + where + "); write 0.5, not .5";
        if (m.contains("expecting a colon")) return "a colon is missing after a key (" + where + "); write \"key\": value";
        if (m.contains("expecting comma")) return "a comma is missing between two entries (" + where + "); add it";
        if (m.contains("field name")) return "a key is not in double quotes (" + where + "); write \"key\": value";
        if (m.contains("close marker")) return "a closing bracket does not match the opening one (" + where + "); pair [ with ] and { with }";
        if (m.startsWith("Unrecognized token"))
            return "an unquoted word " + JsonPaths.quote(wordBefore(text, at)) + " (" + where + "); strings need double quotes, and the only bare words are true, false and null";
        return "is not valid JSON (" + where + "); fix the syntax";
    }

    /** {@code line L, column C, at "..."}. */
    static String where(JsonLocation loc, String text) {
        if (loc == null || loc.getLineNr() < 1) return "somewhere in the file";
        int at = offset(loc, text);
        String near = at >= 0 && at < text.length() ? ", at " + JsonPaths.quote(text.substring(at, Math.min(text.length(), at + 16))) : "";
        return "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + near;
    }

    /** The index of the character the location points at (the parser reports the column after it), or -1. */
    private static int offset(JsonLocation loc, String text) {
        long o = loc.getCharOffset();
        if (o < 0) return -1;
        int i = (int) Math.min(text.length(), o);
        return i > 0 && i == text.length() ? i - 1 : i;
    }

    private static String wordBefore(String text, int at) {
        int end = Math.min(Math.max(at, 0), text.length()), start = end;
        while (start > 0 && !Character.isWhitespace(text.charAt(start - 1)) && ":,[{".indexOf(text.charAt(start - 1)) < 0) start--;
        return start < end ? text.substring(start, end) : "?";
    }

    /** A number's text for a message, shortened. */
    static String clip(String s) {
        return s.length() > 24 ? s.substring(0, 24) + "..." : s;
    }
}
