package org.infomorph.runtime.fpga;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import org.infomorph.compiler.rtl.HostLink;

/**
 * Host-link frames (docs/host-link.md): {@code seq, code, payload, crc32} inside SLIP (RFC 1055).
 * Pure functions; {@link Decoder} keeps the state of a byte stream.
 */
public final class Frames {
    private Frames() {}

    /** A decoded frame whose CRC checked. */
    public record Frame(int seq, int code, byte[] payload) {}

    /** The decoded body of a frame: seq, code, payload, CRC-32 (little-endian). */
    public static byte[] body(int seq, int code, byte[] payload) {
        byte[] b = new byte[HostLink.HEADER_BYTES + payload.length + HostLink.CRC_BYTES];
        b[0] = (byte) seq;
        b[1] = (byte) code;
        System.arraycopy(payload, 0, b, 2, payload.length);
        CRC32 crc = new CRC32();
        crc.update(b, 0, b.length - HostLink.CRC_BYTES);
        long c = crc.getValue();
        for (int i = 0; i < 4; i++) b[b.length - 4 + i] = (byte) (c >>> (8 * i));
        return b;
    }

    /** SLIP: END, the body with END and ESC escaped, END. */
    public static byte[] slip(byte[] body) {
        ByteArrayOutputStream o = new ByteArrayOutputStream(body.length + 8);
        o.write(HostLink.SLIP_END);
        for (byte x : body) {
            int v = x & 0xff;
            if (v == HostLink.SLIP_END) {
                o.write(HostLink.SLIP_ESC);
                o.write(HostLink.SLIP_ESC_END);
            } else if (v == HostLink.SLIP_ESC) {
                o.write(HostLink.SLIP_ESC);
                o.write(HostLink.SLIP_ESC_ESC);
            } else o.write(v);
        }
        o.write(HostLink.SLIP_END);
        return o.toByteArray();
    }

    /** The bytes on the wire of one frame. */
    public static byte[] encode(int seq, int code, byte[] payload) {
        return slip(body(seq, code, payload));
    }

    /** A checked frame from a decoded body, or null (too short, or the CRC does not match). */
    public static Frame parse(byte[] body, int n) {
        if (n < HostLink.HEADER_BYTES + HostLink.CRC_BYTES) return null;
        CRC32 crc = new CRC32();
        crc.update(body, 0, n - HostLink.CRC_BYTES);
        long c = 0;
        for (int i = 0; i < 4; i++) c |= (long) (body[n - 4 + i] & 0xff) << (8 * i);
        if (c != crc.getValue()) return null;
        byte[] p = new byte[n - HostLink.HEADER_BYTES - HostLink.CRC_BYTES];
        System.arraycopy(body, 2, p, 0, p.length);
        return new Frame(body[0] & 0xff, body[1] & 0xff, p);
    }

    /** SLIP decoder of a byte stream: {@link #feed} returns each checked frame; damaged ones are counted and dropped. */
    public static final class Decoder {
        private final byte[] buf;
        private int n;
        private boolean esc, bad;
        private long dropped;

        /** @param maxBody the largest decoded frame accepted */
        public Decoder(int maxBody) {
            buf = new byte[maxBody];
        }

        /** Frames that arrived damaged (bad escape, too long, or a CRC mismatch). */
        public long dropped() {
            return dropped;
        }

        public Frame feed(byte x) {
            int v = x & 0xff;
            if (v == HostLink.SLIP_END) {
                Frame f = null;
                if (n > 0 || bad) {
                    f = bad ? null : parse(buf, n);
                    if (f == null) dropped++;
                }
                n = 0;
                esc = bad = false;
                return f;
            }
            if (esc) {
                esc = false;
                if (v == HostLink.SLIP_ESC_END) v = HostLink.SLIP_END;
                else if (v == HostLink.SLIP_ESC_ESC) v = HostLink.SLIP_ESC;
                else bad = true;
            } else if (v == HostLink.SLIP_ESC) {
                esc = true;
                return null;
            }
            if (n >= buf.length) bad = true;
            else buf[n++] = (byte) v;
            return null;
        }
    }
}
