package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.infomorph.targets.TargetDescriptor;

/**
 * Places logical arrays on a target's memory blocks: largest array first, each on the memory
 * kind that holds it with the least unused capacity among those with enough free blocks. Lanes
 * narrower than a block word are packed side by side in one word; wider lanes span blocks.
 */
public final class Allocator {
    private Allocator() {}

    /** The allocations, and for every array that did not fit a {@link Shortfall}. */
    public record Result(List<Allocation> allocations, List<Shortfall> shortfalls) {}

    /**
     * An array that fits nowhere: the bits it holds, and on the memory kind with the most free
     * bits the blocks it would take (one lane group needs whole blocks) against the blocks free.
     */
    public record Shortfall(LogicalArray array, long needBits, String bestMemory, long freeBits, long needBlocks, long freeBlocks) {}

    public static Result allocate(List<LogicalArray> arrays, TargetDescriptor target) {
        Map<String, Long> free = new HashMap<>();
        for (TargetDescriptor.Memory m : target.memories()) free.put(m.name(), m.count().map(Integer::longValue).orElse(Long.MAX_VALUE));
        List<LogicalArray> order = new ArrayList<>(arrays);
        order.sort(Comparator.comparingLong(LogicalArray::totalBits).reversed());
        List<Allocation> out = new ArrayList<>();
        List<Shortfall> short_ = new ArrayList<>();
        for (LogicalArray a : order) {
            Allocation best = null;
            for (TargetDescriptor.Memory m : target.memories()) {
                Allocation c = place(a, m);
                if (c.blocks() > free.get(m.name())) continue;
                if (best == null || c.capacityBits() < best.capacityBits()) best = c;
            }
            if (best == null) {
                TargetDescriptor.Memory m = target.memories().get(0);
                long freeBits = 0;
                for (TargetDescriptor.Memory k : target.memories()) {
                    long bits = free.get(k.name()) * k.bitsPerBlock();
                    if (bits > freeBits) {
                        freeBits = bits;
                        m = k;
                    }
                }
                short_.add(new Shortfall(a, a.totalBits(), m.name(), freeBits, place(a, m).blocks(), free.get(m.name())));
                continue;
            }
            free.merge(best.memory(), -best.blocks(), Long::sum);
            out.add(best);
        }
        return new Result(out, short_);
    }

    static Allocation place(LogicalArray a, TargetDescriptor.Memory m) {
        int perWord = a.bits() <= m.width() ? m.width() / a.bits() : 0;
        int groups = perWord > 0 ? (a.lanes() + perWord - 1) / perWord : a.lanes();
        int wide = perWord > 0 ? 1 : (a.bits() + m.width() - 1) / m.width();
        long deep = (a.depth() + m.depth() - 1) / m.depth();
        return new Allocation(a, m.name(), m.width(), m.depth(), perWord, groups, wide, Math.max(1, deep));
    }
}
