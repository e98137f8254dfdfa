package org.infomorph.compiler.rtl;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.infomorph.compiler.arch.NeuronProgram.Operand;
import org.infomorph.compiler.arch.NeuronProgram.Reg;
import org.infomorph.compiler.arch.NeuronProgram.Step;
import org.infomorph.compiler.rtl.EngineUops.Uop;

/**
 * The neuron engine's physical registers (docs/llu-rtl.md, "Neuron engine"). A lane's work names
 * up to 29 logical registers ({@link Reg}), but few hold a live value at once: logical registers
 * whose live ranges do not overlap share one physical register. Each uop list has its own map;
 * the engine has as many registers as the largest list needs. {@link #PINNED} registers, which the
 * engine also reads outside the operand path (the spike and histogram read TH, the bins R, C and
 * L), have the same physical register in every list.
 *
 * <p>A live range runs from a register's first write to its last read. A uop reads its operands
 * before it writes its result, so a range that ends at a uop may share with one that starts there.
 */
public record EngineRegisters(int count, List<int[]> maps) {
    /** Registers with a fixed physical register: its index in this list. */
    public static final List<Reg> PINNED = List.of(Reg.R, Reg.C, Reg.L, Reg.TH);

    public EngineRegisters {
        maps = maps.stream().map(int[]::clone).toList();
    }

    /** The physical register of logical register r in list i (-1 when the list does not use r). */
    public int physical(int list, Reg r) {
        return maps.get(list)[r.ordinal()];
    }

    /** The logical registers a uop reads. */
    public static Set<Reg> reads(Uop u) {
        Set<Reg> out = EnumSet.noneOf(Reg.class);
        switch (u.kind()) {
            case PRODUCT, ERROR, SIGMOID -> {
                Step s = u.step();
                for (Operand o : Arrays.asList(s.a1(), s.b1(), s.a2(), s.b2(), s.addend()))
                    if (o != null && o.source() != Operand.Source.CONST) out.add(Reg.values()[o.index()]);
            }
            case SPIKE, HIST -> out.add(Reg.TH);
            case BIN -> out.add(loadTarget(u.source()));
            default -> { }
        }
        return out;
    }

    /** The logical register a uop writes, or null. */
    public static Reg write(Uop u) {
        return switch (u.kind()) {
            case PRODUCT, ERROR, SIGMOID -> u.step().dst();
            case LOAD_U -> loadTarget(u.source());
            case HIST -> Reg.TAB;
            default -> null;
        };
    }

    /** The register that holds u_k. */
    public static Reg loadTarget(int source) {
        return List.of(Reg.R, Reg.C, Reg.L).get(source);
    }

    /** Maps each list's logical registers onto as few physical registers as their live ranges allow. */
    public static EngineRegisters allocate(List<List<Uop>> lists) {
        List<int[]> maps = new ArrayList<>();
        int count = PINNED.size();
        for (List<Uop> list : lists) {
            int[] map = allocateList(list);
            maps.add(map);
            for (int p : map) count = Math.max(count, p + 1);
        }
        return new EngineRegisters(count, maps);
    }

    private static int[] allocateList(List<Uop> list) {
        int n = Reg.values().length;
        int[] first = new int[n], last = new int[n];
        Arrays.fill(first, -1);
        Arrays.fill(last, -1);
        for (int i = 0; i < list.size(); i++) {
            Uop u = list.get(i);
            for (Reg r : reads(u)) {
                if (first[r.ordinal()] < 0)
                    throw new IllegalStateException("uop " + i + " (" + u.kind() + ") reads register " + r + " before any uop of its list writes it");
                last[r.ordinal()] = i;
            }
            Reg w = write(u);
            if (w != null) {
                if (first[w.ordinal()] < 0) first[w.ordinal()] = i;
                last[w.ordinal()] = Math.max(last[w.ordinal()], i);
            }
        }
        int[] map = new int[n];
        Arrays.fill(map, -1);
        // the ranges given to each physical register so far, as {first, last}
        List<List<int[]>> taken = new ArrayList<>();
        for (int p = 0; p < PINNED.size(); p++) taken.add(new ArrayList<>());
        for (int p = 0; p < PINNED.size(); p++) {
            Reg r = PINNED.get(p);
            if (first[r.ordinal()] < 0) continue;
            map[r.ordinal()] = p;
            taken.get(p).add(new int[] {first[r.ordinal()], last[r.ordinal()]});
        }
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) order[r] = r;
        Arrays.sort(order, (a, b) -> Integer.compare(first[a], first[b]));
        for (int r : order) {
            if (first[r] < 0 || map[r] >= 0) continue;
            int p = 0;
            while (p < taken.size() && !free(taken.get(p), first[r], last[r])) p++;
            if (p == taken.size()) taken.add(new ArrayList<>());
            map[r] = p;
            taken.get(p).add(new int[] {first[r], last[r]});
        }
        return map;
    }

    /** No range in `ranges` overlaps [a, b] beyond a shared end point. */
    private static boolean free(List<int[]> ranges, int a, int b) {
        for (int[] x : ranges) if (a < x[1] && x[0] < b) return false;
        return true;
    }
}
