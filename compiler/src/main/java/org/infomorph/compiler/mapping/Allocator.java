package org.infomorph.compiler.mapping;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.infomorph.compiler.rtl.RtlMemories;
import org.infomorph.targets.TargetDescriptor;

/**
 * Places the array's memories ({@link RtlMemories}) on a target's memory kinds: largest first,
 * each on the kind where it wastes the fewest bits among those with enough free blocks, counted
 * as yosys 0.23 maps it ({@link BlockMapping}). Memories of at most {@link #LOGIC_BITS} bits are
 * built from flip-flops ({@link #LOGIC}, style "logic"): a whole block for a few words wastes
 * the small chips' scarce blocks; on a family without LUT RAM they then take the blocks left
 * free ({@link #spareBlocks}). ROMs go where yosys's own cost puts them ({@link
 * BlockMapping#autoRom}). On a simulator nothing is counted.
 */
public final class Allocator {
    private Allocator() {}

    /** The memory name of an allocation in flip-flops. */
    public static final String LOGIC = "logic";
    /** The largest memory built from flip-flops. */
    public static final long LOGIC_BITS = 256;

    /** The allocations, and for every memory that did not fit a {@link Shortfall}. */
    public record Result(List<Allocation> allocations, List<Shortfall> shortfalls) {
        /** Blocks used per target memory name. */
        public Map<String, Double> blocksByMemory() {
            Map<String, Double> out = new java.util.LinkedHashMap<>();
            for (Allocation a : allocations) out.merge(a.memory(), a.blocks(), Double::sum);
            return out;
        }

        /**
         * Blocks the RTL takes per target memory name: the allocations, and every memory that did
         * not fit where the generator's default style ("block") puts it (what synthesis reports
         * for a design that is too big).
         */
        public Map<String, Double> blocksNeeded() {
            Map<String, Double> out = blocksByMemory();
            for (Shortfall s : shortfalls) if (s.defaultMemory() != null) out.merge(s.defaultMemory(), s.defaultBlocks(), Double::sum);
            return out;
        }
    }

    /**
     * A memory that fits nowhere: the blocks it would take on its best kind against the blocks free
     * there, and the blocks it takes on the kind of the default style (null if none holds it).
     */
    public record Shortfall(RtlMemories.Memory array, String bestMemory, double needBlocks, double freeBlocks, String defaultMemory,
                            double defaultBlocks) {
        Shortfall withDefault(String memory, double blocks) {
            return new Shortfall(array, bestMemory, needBlocks, freeBlocks, memory, blocks);
        }
    }

    /**
     * The least wasted bits first; if that leaves memories out, the largest blocks first (which
     * moves one-port memories to the iCE40's SPRAM when its EBR are scarce) when that fits all.
     */
    public static Result allocate(List<RtlMemories.Memory> memories, TargetDescriptor target) {
        if (target.unlimited()) {
            List<Allocation> out = new ArrayList<>();
            for (RtlMemories.Memory m : memories) out.add(new Allocation(m, target.memories().get(0).name(), 0));
            return new Result(out, List.of());
        }
        Result leastWaste = allocate(memories, target, false);
        if (leastWaste.shortfalls().isEmpty()) return spareBlocks(leastWaste, target);
        Result largest = allocate(memories, target, true);
        return largest.shortfalls().isEmpty() ? spareBlocks(largest, target) : leastWaste;
    }

    /**
     * On a family without LUT RAM (iCE40), the small memories go to the blocks the others left
     * free, largest first: there a flip-flop memory costs a flip-flop per bit and its read
     * multiplexer, and the logic, not the blocks, is what runs out. ROMs stay where yosys puts them.
     */
    static Result spareBlocks(Result r, TargetDescriptor target) {
        if (FpgaFamily.of(target).hasLutRam()) return r;
        Map<String, Double> free = capacity(target);
        for (Allocation a : r.allocations()) free.merge(a.memory(), -a.blocks(), Double::sum);
        List<Allocation> out = new ArrayList<>(r.allocations());
        List<Allocation> small = new ArrayList<>(out.stream()
                .filter(a -> a.memory().equals(LOGIC) && a.array().ports() != RtlMemories.Ports.ROM).toList());
        small.sort(Comparator.comparingLong((Allocation a) -> a.array().bits()).reversed());
        for (Allocation a : small) {
            Allocation best = null;
            for (TargetDescriptor.Memory kind : target.memories()) {
                Optional<Double> blocks = blocks(target, kind, a.array());
                if (blocks.isEmpty() || blocks.get() > free.get(kind.name())) continue;
                if (best == null || blocks.get() * kind.width() * kind.depth() < best.blocks() * widthTimesDepth(target, best.memory()))
                    best = new Allocation(a.array(), kind.name(), blocks.get());
            }
            if (best == null) continue;
            free.merge(best.memory(), -best.blocks(), Double::sum);
            out.set(out.indexOf(a), best);
        }
        return new Result(out, r.shortfalls());
    }

    /** Blocks per memory kind of the target (unlimited: Double.MAX_VALUE). */
    private static Map<String, Double> capacity(TargetDescriptor target) {
        Map<String, Double> out = new HashMap<>();
        for (TargetDescriptor.Memory m : target.memories()) out.put(m.name(), m.count().map(Integer::doubleValue).orElse(Double.MAX_VALUE));
        return out;
    }

    private static double widthTimesDepth(TargetDescriptor target, String memory) {
        return target.memories().stream().filter(m -> m.name().equals(memory)).mapToDouble(m -> (double) m.width() * m.depth()).findFirst().orElseThrow();
    }

    private static Result allocate(List<RtlMemories.Memory> memories, TargetDescriptor target, boolean largestBlocks) {
        List<Allocation> out = new ArrayList<>();
        List<Shortfall> short_ = new ArrayList<>();
        Map<String, Double> free = capacity(target);
        List<RtlMemories.Memory> order = new ArrayList<>(memories);
        order.sort(Comparator.comparingLong(RtlMemories.Memory::bits).reversed());
        for (RtlMemories.Memory m : order) {
            if (m.bits() <= LOGIC_BITS || m.ports() == RtlMemories.Ports.ROM && romInLogic(target, m)) {
                out.add(new Allocation(m, LOGIC, 0));
                continue;
            }
            Allocation best = null;
            double bestWaste = 0;
            Shortfall nearest = null;
            for (TargetDescriptor.Memory kind : target.memories()) {
                if (m.ports() == RtlMemories.Ports.ROM && !romKind(target, m).equals(Optional.of(kind.kind()))) continue;
                Optional<Double> blocks = blocks(target, kind, m);
                if (blocks.isEmpty()) continue;
                double waste = largestBlocks ? -(double) kind.width() * kind.depth() : blocks.get() * kind.width() * kind.depth() - m.bits();
                if (blocks.get() > free.get(kind.name())) {
                    if (nearest == null || blocks.get() - free.get(kind.name()) < nearest.needBlocks() - nearest.freeBlocks())
                        nearest = new Shortfall(m, kind.name(), blocks.get(), free.get(kind.name()), null, 0);
                    continue;
                }
                if (best == null || waste < bestWaste) {
                    best = new Allocation(m, kind.name(), blocks.get());
                    bestWaste = waste;
                }
            }
            if (best == null) {
                Shortfall sf = nearest != null ? nearest : new Shortfall(m, "none", Double.NaN, 0, null, 0);
                for (TargetDescriptor.Memory kind : target.memories())
                    if (FpgaFamily.ramStyle(kind.kind()).equals("block") && blocks(target, kind, m).isPresent()) {
                        sf = sf.withDefault(kind.name(), blocks(target, kind, m).get());
                        break;
                    }
                short_.add(sf);
                continue;
            }
            free.merge(best.memory(), -best.blocks(), Double::sum);
            out.add(best);
        }
        return new Result(out, short_);
    }

    /** The block kind yosys picks for a ROM of the generator ({@link BlockMapping#autoRom}: its rom_style is not seen), or empty for logic. */
    static Optional<String> romKind(TargetDescriptor target, RtlMemories.Memory m) {
        return BlockMapping.autoRom(FpgaFamily.of(target), new MemoryShape(MemoryShape.Ports.ROM, Math.max(2, m.depth()), m.width()));
    }

    static boolean romInLogic(TargetDescriptor target, RtlMemories.Memory m) {
        return romKind(target, m).isEmpty();
    }

    /** Blocks of {@code kind} that all instances of {@code m} take, or empty if yosys would refuse the shape there. */
    static Optional<Double> blocks(TargetDescriptor target, TargetDescriptor.Memory kind, RtlMemories.Memory m) {
        MemoryShape.Ports ports = switch (m.ports()) {
            case ONE_RW -> MemoryShape.Ports.ONE_READ_WRITE;
            case ONE_R_ONE_W -> MemoryShape.Ports.ONE_READ_ONE_WRITE;
            case ROM -> MemoryShape.Ports.ROM;
        };
        try {
            return Optional.of(m.count() * BlockMapping.blocks(target, kind.name(), new MemoryShape(ports, Math.max(2, m.depth()), m.width())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
