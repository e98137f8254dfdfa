package org.infomorph.compiler.mapping;

import java.util.Arrays;
import java.util.Locale;

/**
 * One memory of the RTL as the synthesis tools see it: its ports, depth and word width.
 *
 * @param ports      how it is accessed (one of the templates of {@link RamTemplate})
 * @param depthWords words, at least 2
 * @param widthBits  bits per word, at least 1
 */
public record MemoryShape(Ports ports, int depthWords, int widthBits) {
    /** The access patterns the RTL uses, one template each. */
    public enum Ports {
        /** One read port and one write port (simple dual port), registered read. */
        ONE_READ_ONE_WRITE("1r1w"),
        /** One port: a read or a write per cycle (single port). */
        ONE_READ_WRITE("1rw"),
        /** A read-only table: a {@code case} statement with a registered output. */
        ROM("rom");

        public final String id;

        Ports(String id) {
            this.id = id;
        }

        public static Ports byId(String id) {
            return Arrays.stream(values()).filter(p -> p.id.equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("ports must be one of 1r1w, 1rw, rom, got " + id));
        }
    }

    public MemoryShape {
        if (depthWords < 2) throw new IllegalArgumentException("depthWords must be >= 2, got " + depthWords);
        if (widthBits < 1) throw new IllegalArgumentException("widthBits must be >= 1, got " + widthBits);
    }

    /** Address bits: ceil(log2(depthWords)). */
    public int addressBits() {
        return 32 - Integer.numberOfLeadingZeros(depthWords - 1);
    }

    public long bits() {
        return (long) depthWords * widthBits;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s %dx%d", ports.id, depthWords, widthBits);
    }
}
