package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.infomorph.compiler.rtl.HostLink;
import org.junit.jupiter.api.Test;

/** SLIP framing and CRC-32 of the host link (docs/host-link.md). */
class FramesTest {
    private static List<Frames.Frame> decode(byte[] wire) {
        Frames.Decoder d = new Frames.Decoder(4096);
        List<Frames.Frame> out = new ArrayList<>();
        for (byte b : wire) {
            Frames.Frame f = d.feed(b);
            if (f != null) out.add(f);
        }
        return out;
    }

    @Property(tries = 300)
    void framesSurviveTheRoundTrip(@ForAll @IntRange(max = 255) int seq, @ForAll @IntRange(max = 255) int code, @ForAll @Size(max = 600) byte[] payload) {
        List<Frames.Frame> got = decode(Frames.encode(seq, code, payload));
        assertEquals(1, got.size());
        assertEquals(seq, got.get(0).seq());
        assertEquals(code, got.get(0).code());
        assertArrayEquals(payload, got.get(0).payload());
    }

    @Test
    void theWireNeverCarriesEndInsideAFrame() {
        byte[] payload = {(byte) 0xC0, (byte) 0xDB, (byte) 0xDC, (byte) 0xDD, 0, (byte) 0xC0};
        byte[] wire = Frames.encode(0xC0, 0xDB, payload);
        for (int i = 1; i < wire.length - 1; i++) assertEquals(false, (wire[i] & 0xff) == HostLink.SLIP_END, "END at " + i);
        // seq 0xC0 and code 0xDB are escaped too: 2 delimiters + 8 escaped bytes + the CRC's bytes
        assertEquals(HostLink.SLIP_END, wire[0] & 0xff);
    }

    @Test
    void theCrcIsJavasCrc32LittleEndian() {
        // CRC-32 of "123456789" is 0xCBF43926 (the standard check value)
        byte[] body = Frames.body('1', '2', "3456789".getBytes());
        assertEquals(0x26, body[9] & 0xff);
        assertEquals(0x39, body[10] & 0xff);
        assertEquals(0xF4, body[11] & 0xff);
        assertEquals(0xCB, body[12] & 0xff);
    }

    /** Every single-bit flip, every dropped and every duplicated byte of a frame is caught: it never decodes as another frame. */
    @Test
    void damagedFramesAreDropped() {
        SplittableRandom r = new SplittableRandom(5);
        byte[] payload = new byte[40];
        for (int i = 0; i < payload.length; i++) payload[i] = (byte) r.nextInt(256);
        byte[] wire = Frames.encode(7, 2, payload);
        for (int i = 1; i < wire.length - 1; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] w = wire.clone();
                w[i] ^= (byte) (1 << bit);
                for (Frames.Frame f : decode(w)) assertEquals(false, f.seq() == 7 && !java.util.Arrays.equals(f.payload(), payload), "flip " + i + "." + bit);
            }
            byte[] dropped = new byte[wire.length - 1];
            System.arraycopy(wire, 0, dropped, 0, i);
            System.arraycopy(wire, i + 1, dropped, i, wire.length - i - 1);
            assertEquals(0, decode(dropped).size(), "drop " + i);
            byte[] dup = new byte[wire.length + 1];
            System.arraycopy(wire, 0, dup, 0, i + 1);
            System.arraycopy(wire, i, dup, i + 1, wire.length - i);
            assertEquals(0, decode(dup).size(), "duplicate " + i);
        }
    }

    @Test
    void theDecoderResynchronisesAfterGarbage() {
        Frames.Decoder d = new Frames.Decoder(64);
        byte[] garbage = new byte[300];
        new SplittableRandom(1).nextBytes(garbage);
        for (byte b : garbage) d.feed(b);
        Frames.Frame got = null;
        for (byte b : Frames.encode(3, 4, new byte[] {1, 2, 3})) {
            Frames.Frame f = d.feed(b);
            if (f != null) got = f;
        }
        assertEquals(3, got.seq());
        assertArrayEquals(new byte[] {1, 2, 3}, got.payload());
        assertNull(Frames.parse(new byte[5], 5), "shorter than a header and a CRC");
    }
}
