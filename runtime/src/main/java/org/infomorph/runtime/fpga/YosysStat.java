package org.infomorph.runtime.fpga;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.runtime.sim.SimException;

/** The cell tables of yosys {@code stat} output, per module ({@code === name ===} sections, in order). */
final class YosysStat {
    private YosysStat() {}

    /** The pseudo-module yosys prints the totals of a hierarchical design under. */
    static final String HIERARCHY = "design hierarchy";

    private static final Pattern SECTION = Pattern.compile("^=== (.+) ===\\s*$");
    private static final Pattern CELL = Pattern.compile("^\\s+(\\S+)\\s+(\\d+)\\s*$");

    /** Module name to its cells and their counts; a module without cells maps to an empty table. */
    static Map<String, Map<String, Integer>> modules(String stat) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        String module = null;
        boolean inCells = false;
        for (String line : stat.split("\\R")) {
            Matcher s = SECTION.matcher(line);
            if (s.matches()) {
                module = s.group(1).strip();
                out.put(module, new TreeMap<>());
                inCells = false;
                continue;
            }
            if (module == null) continue;
            if (line.contains("Number of cells:")) {
                inCells = true;
                continue;
            }
            if (!inCells) continue;
            Matcher m = CELL.matcher(line);
            if (m.matches()) out.get(module).merge(m.group(1), Integer.parseInt(m.group(2)), Integer::sum);
            else if (!line.isBlank()) inCells = false;
        }
        return out;
    }

    /** The cells of module {@code top} (a flattened design has only its top). */
    static Map<String, Integer> cells(String stat, String top) {
        Map<String, Map<String, Integer>> all = modules(stat);
        Map<String, Integer> c = all.get(top);
        if (c == null) throw new SimException("yosys stat: no table for module " + top + " (modules: " + all.keySet() + ")");
        return Map.copyOf(c);
    }
}
