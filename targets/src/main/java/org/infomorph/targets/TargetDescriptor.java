package org.infomorph.targets;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the compiler needs to know about a target (a simulator or an FPGA board), read from a
 * descriptor JSON ({@value #FORMAT}). Resource counts of a simulator are unlimited (empty).
 *
 * @param name        e.g. {@code ice40up5k-icebreaker}
 * @param device      the part and its package
 * @param logic       logic cells (kind and count)
 * @param dsp         hard multipliers (kind, count, operand widths)
 * @param memories    the memory kinds, in the order the allocator prefers them for large arrays
 * @param clock       board clock and the clock the design is expected to close at
 * @param hostLink    how the host talks to the design
 * @param flow        the synthesis flow and its tools
 * @param constraints the pin-constraint file name (in the fpga module), or empty for a simulator
 * @param units       the number of LLUs the array is built with (the simulator's configurable array size),
 *                    or empty to let the compiler choose from the resources
 */
public record TargetDescriptor(
        String name,
        String description,
        Device device,
        Logic logic,
        Dsp dsp,
        List<Memory> memories,
        Clock clock,
        HostLink hostLink,
        Flow flow,
        Optional<String> constraints,
        Optional<Integer> units) {
    public static final String FORMAT = "infomorph-target/1";

    /** Only null checks here: the value rules (with JSON paths) are enforced by {@link TargetJson}. */
    public TargetDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(device, "device");
        Objects.requireNonNull(logic, "logic");
        Objects.requireNonNull(dsp, "dsp");
        memories = List.copyOf(memories);
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(hostLink, "hostLink");
        Objects.requireNonNull(flow, "flow");
        Objects.requireNonNull(constraints, "constraints");
        Objects.requireNonNull(units, "units");
    }

    public record Device(String family, String part, String packageName) {}

    /** @param count empty = unlimited */
    public record Logic(String kind, int inputsPerLut, Optional<Integer> count) {}

    /** @param widthA,widthB signed operand widths of one multiplier; count empty = unlimited */
    public record Dsp(String kind, Optional<Integer> count, int widthA, int widthB) {}

    /**
     * One kind of on-chip memory: {@code count} blocks of {@code depth} words of {@code width} bits.
     *
     * @param count empty = unlimited
     * @param ports independent read/write ports per block
     */
    public record Memory(String name, String kind, Optional<Integer> count, int width, int depth, int ports) {
        public long bitsPerBlock() {
            return (long) width * depth;
        }

        /** {@code count * width * depth}; empty = unlimited. */
        public OptionalLong totalBits() {
            return count.isEmpty() ? OptionalLong.empty() : OptionalLong.of(count.get() * bitsPerBlock());
        }
    }

    public record Clock(double boardMHz, double targetMHz) {
        /** The period of the target clock, for converting simulated cycles to time. */
        public double targetPeriodNs() {
            return 1000.0 / targetMHz;
        }
    }

    /** @param bitsPerSecond payload rate of the link (e.g. UART baud * 8/10); empty for in-process */
    public record HostLink(String kind, Optional<Long> bitsPerSecond) {}

    /** @param synthesis e.g. "yosys synth_ice40 -dsp -spram"; placeAndRoute/bitstream empty where Debian has no tool */
    public record Flow(String synthesis, Optional<String> placeAndRoute, Optional<String> bitstream) {}

    /** A simulator: no resource count is given (the descriptor reader enforces all-or-none). */
    public boolean unlimited() {
        return dsp.count().isEmpty();
    }

    /** The memory kind called {@code memoryName}, if there is one. */
    public Optional<Memory> memory(String memoryName) {
        return memories.stream().filter(m -> m.name().equals(memoryName)).findFirst();
    }

    /** The memory names, in the allocator's order of preference. */
    public List<String> memoryNames() {
        return memories.stream().map(Memory::name).toList();
    }

    /**
     * All bits of one memory kind ({@code count * width * depth}); empty = unlimited.
     *
     * @throws IllegalArgumentException if the target has no memory of that name
     */
    public OptionalLong totalMemoryBits(String memoryName) {
        return memory(memoryName)
                .orElseThrow(() -> new IllegalArgumentException(
                        "target " + name + " has no memory '" + memoryName + "' (it has " + memoryNames() + ")"))
                .totalBits();
    }
}
