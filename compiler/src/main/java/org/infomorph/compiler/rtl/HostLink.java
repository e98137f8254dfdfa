package org.infomorph.compiler.rtl;

/**
 * The host-link protocol between a host and a board top (docs/host-link.md): the one definition
 * that the board's protocol engine (Chisel, module {@code fpga}, which imports this class) and the
 * host ({@code org.infomorph.runtime.fpga}) share.
 *
 * <p>Frames are SLIP-framed (RFC 1055). A decoded frame is {@code seq, code, payload, crc32}: the
 * sequence number, a command (host to board) or a status (board to host), the payload, and the
 * CRC-32 (IEEE 802.3, as {@link java.util.zip.CRC32}) of everything before it, little-endian.
 * Multi-byte fields are little-endian.
 */
public final class HostLink {
    private HostLink() {}

    /** Bumped on any change of this class that a board must follow. */
    public static final int VERSION = 1;

    // SLIP (RFC 1055)
    public static final int SLIP_END = 0xC0;
    public static final int SLIP_ESC = 0xDB;
    public static final int SLIP_ESC_END = 0xDC;
    public static final int SLIP_ESC_ESC = 0xDD;

    /** Bytes of a decoded frame around its payload: seq, code, CRC-32. */
    public static final int HEADER_BYTES = 2;
    public static final int CRC_BYTES = 4;
    /** CRC-32 as java.util.zip.CRC32: reflected polynomial, initial value and final xor. */
    public static final int CRC_POLY_REFLECTED = 0xEDB88320;
    public static final int CRC_INIT = 0xFFFFFFFF;
    public static final int CRC_XOR_OUT = 0xFFFFFFFF;

    // commands (host to board)
    /** Synchronise: any seq is accepted and becomes the last one; answers {@link #IDENTITY_BYTES} bytes of identity. */
    public static final int CMD_IDENTIFY = 0x01;
    /** Payload: address, width w (1 byte, 1..wordBytes), then words of w bytes each (sign-extended by the board). */
    public static final int CMD_WRITE = 0x02;
    /** Payload: address, width w (1 byte), count (2 bytes). Answer: count words of w bytes, then a byte 1 if a word did not fit w signed bytes. */
    public static final int CMD_READ = 0x03;
    /** Payload: op (1 byte: RUN, BOUNDARY, PASS2), argument (wordBytes bytes). Answer: the cycles it took (4 bytes). */
    public static final int CMD_COMMAND = 0x04;
    /** Resets the array (not the link). Answer: empty. */
    public static final int CMD_RESET = 0x05;

    // statuses (board to host)
    public static final int ST_OK = 0x00;
    /** A duplicate of an executed frame, not executed again (the payload of a COMMAND's is its cycles). */
    public static final int ST_DUP = 0x01;
    /** Unsolicited, during a long COMMAND: 4 bytes, the cycles so far. */
    public static final int ST_BUSY = 0x02;
    /** Unsolicited, once after reset (seq 0): the board lost every state. */
    public static final int ST_BOOT = 0x03;
    /** A frame after a gap: 1 byte, the seq the board expects. */
    public static final int ST_NAK = 0x10;
    /** The board was reset and has not been identified since: its state is lost. */
    public static final int ST_NOT_SYNCED = 0x11;
    /** An unknown command or a payload of the wrong length. */
    public static final int ST_BAD_FRAME = 0x12;

    /**
     * IDENTIFY answer, in order: version (1), design hash (8: the generator-parameter hash's 16 hex
     * digits), receive buffer bytes (2), max payload bytes (2), clock Hz (4), baud (4), address
     * bytes (1), word bytes (1).
     */
    public static final int IDENTITY_BYTES = 1 + 8 + 2 + 2 + 4 + 4 + 1 + 1;

    /** Bytes of a receive-buffer entry's header (its length), stored before each accepted frame. */
    public static final int RX_ENTRY_HEADER = 2;

    /** Sequence numbers are 8 bits; a seq within this distance behind the expected one is a duplicate, ahead of it a gap. */
    public static final int SEQ_HALF = 128;
    /** Frames in flight at most (also bounded by the receive buffer). */
    public static final int MAX_WINDOW_FRAMES = 32;

    /** A BUSY frame every 2^BUSY_EXP cycles of a long COMMAND. */
    public static final int BUSY_EXP = 20;
}
