package org.infomorph.runtime.fpga;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.infomorph.compiler.mapping.FpgaFamily;
import org.infomorph.targets.TargetDescriptor;

/**
 * The figures of one synthesis against a target: used, the target's capacity and the compiler's
 * estimate per figure ({@code lut}, {@code ff}, {@code dsp}, each memory kind by the target's
 * name for it, {@code lutram}), whether it fits, what is over and the smallest change.
 *
 * <p>LUT RAM takes LUT sites, so it counts against the LUT capacity. Flip-flop capacity is the
 * LUT count times the family's flip-flops per LUT. With place and route, a design that does not
 * route does not fit either.
 */
public record SynthReport(String target, Map<String, Double> used, Map<String, Double> capacity, Map<String, Double> estimate, boolean fits,
        OptionalDouble fmaxMHz, List<String> over) {

    public static SynthReport of(TargetDescriptor t, SynthFlow.Outcome o, Map<String, Double> estimate) {
        Resources r = o.resources();
        Map<String, Double> used = new LinkedHashMap<>(), cap = new LinkedHashMap<>();
        used.put("lut", (double) r.luts());
        used.put("ff", (double) r.ffs());
        used.put("dsp", (double) r.dsps());
        for (TargetDescriptor.Memory m : t.memories()) used.put(m.name(), r.blocks(m.kind()));
        used.put("lutram", (double) r.lutRam());
        cap.putAll(capacity(t, r.family()));
        List<String> over = new ArrayList<>();
        for (var e : cap.entrySet()) {
            double u = used.get(e.getKey()) + (e.getKey().equals("lut") ? used.get("lutram") : 0);
            if (u > e.getValue())
                over.add(String.format(Locale.ROOT, "%s %s > %s", e.getKey(), number(u) + (e.getKey().equals("lut") && used.get("lutram") > 0 ? " (with LUT RAM)" : ""),
                        number(e.getValue())));
        }
        o.pnr().filter(p -> !p.routed()).ifPresent(p -> over.add("place and route: " + p.failure()));
        OptionalDouble fmax = o.pnr().map(NextpnrIce40.Result::fmaxMHz).orElse(OptionalDouble.empty());
        return new SynthReport(t.name(), used, cap, new LinkedHashMap<>(estimate), over.isEmpty(), fmax, List.copyOf(over));
    }

    /** The target's capacity per figure: {@code lut}, {@code ff} (LUTs times the family's flip-flops per LUT), {@code dsp}, each memory kind. */
    public static Map<String, Double> capacity(TargetDescriptor t, FpgaFamily family) {
        Map<String, Double> cap = new LinkedHashMap<>();
        t.logic().count().ifPresent(c -> {
            cap.put("lut", (double) c);
            cap.put("ff", (double) c * family.ffsPerLut);
        });
        t.dsp().count().ifPresent(c -> cap.put("dsp", (double) c));
        for (TargetDescriptor.Memory m : t.memories()) m.count().ifPresent(c -> cap.put(m.name(), (double) c));
        return cap;
    }

    /** The table: one line per figure, used / capacity / estimate, and OVER where it does not fit. */
    public void printTable(PrintWriter o) {
        o.printf("  %-8s %10s %10s %10s%n", "", "used", "capacity", "estimate");
        for (var e : used.entrySet()) {
            String k = e.getKey();
            Double c = capacity.get(k), est = estimate.get(k);
            boolean isOver = over.stream().anyMatch(s -> s.startsWith(k + " "));
            o.printf("  %-8s %10s %10s %10s%s%n", k, number(e.getValue()), c == null ? "-" : number(c), est == null ? "-" : number(est), isOver ? "   OVER" : "");
        }
    }

    static String number(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,d", (long) v) : String.format(Locale.ROOT, "%,.1f", v);
    }
}
