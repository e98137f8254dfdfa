package org.infomorph.distributed.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The few CSV rules the reports need: quoting of text cells, exact numbers, atomic writes, a reader for our own files. */
public final class Csv {
    private Csv() {}

    /** A cell: numbers as Java prints them (they read back exactly), NaN as empty, text quoted when needed. */
    public static String cell(Object v) {
        if (v == null) return "";
        if (v instanceof Double d) return d.isNaN() ? "" : d.toString();
        String s = v.toString();
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0) return s;
        return '"' + s.replace("\n", " ").replace("\"", "\"\"") + '"';
    }

    public static String row(List<?> cells) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) sb.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
        return sb.append('\n').toString();
    }

    /** Writes through a temporary file and a rename, so an interrupted run never leaves half a file. */
    public static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Splits one line of a file written by {@link #row}. */
    public static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') quoted = false;
                else cur.append(c);
            } else if (c == '"') quoted = true;
            else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else cur.append(c);
        }
        out.add(cur.toString());
        return out;
    }
}
