package org.infomorph.runtime.reference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The reference package is the integer specification: no floating point outside comments. */
class NoFloatTest {
    static final Pattern FLOAT = Pattern.compile(
            "\\b(float|double|Float|Double|BigDecimal|strictfp)\\b"
            + "|\\bMath\\.(exp|expm1|log|log10|log1p|sqrt|cbrt|pow|floor|ceil|round|rint|scalb|sin|cos|tan|tanh|atan|atan2|random|signum|ulp|hypot|toRadians|toDegrees|fma)\\b"
            + "|\\d\\.\\d|\\d[eE][+-]?\\d|\\d[fFdD]\\b");

    static String stripCommentsAndStrings(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ")
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("'(\\\\.|[^'\\\\])'", "' '")
                .replaceAll("\\b0[xX][0-9a-fA-F_]+[lL]?", "0");
    }

    @Test
    void referencePackageHasNoFloatingPoint() throws IOException {
        Path dir = Path.of("src/main/java/org/infomorph/runtime/reference");
        List<String> hits = new ArrayList<>();
        int files = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(f -> f.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = FLOAT.matcher(stripCommentsAndStrings(Files.readString(p)));
                while (m.find()) hits.add(p.getFileName() + ": " + m.group());
            }
        }
        assertTrue(files >= 10, "found only " + files + " files in " + dir.toAbsolutePath());
        assertTrue(hits.isEmpty(), "floating point in the integer model: " + hits);
    }

    @Test
    void scannerFindsFloatsAndIgnoresComments() {
        assertTrue(FLOAT.matcher(stripCommentsAndStrings("int a; double b;")).find());
        assertTrue(FLOAT.matcher(stripCommentsAndStrings("x = Math.exp(y);")).find());
        assertTrue(FLOAT.matcher(stripCommentsAndStrings("x = 0.5 * y;")).find());
        assertTrue(!FLOAT.matcher(stripCommentsAndStrings("int a; // double\n/* float */ String s = \"double\"; Math.abs(a);")).find());
    }
}
