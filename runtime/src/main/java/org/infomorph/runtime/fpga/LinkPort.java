package org.infomorph.runtime.fpga;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Iterator;
import org.infomorph.compiler.rtl.HostLink;
import org.infomorph.runtime.array.ArrayPort;
import org.infomorph.compiler.rtl.RtlContract;

import static org.infomorph.compiler.rtl.HostLink.*;

/**
 * The host's end of the host link (docs/host-link.md): the LLU array's host port over a byte
 * stream to a board. Frames are numbered; WRITE frames stream within a window that never exceeds
 * half the board's receive buffer (three frames at the largest size); a READ, COMMAND or RESET is a barrier (nothing is sent after it
 * until its answer is in), so a retried frame is never applied twice and a re-executed READ sees
 * the same state. After a timeout or a NAK the host probes where the board is (a frame ahead of
 * every other, answered with NAK(expected) after all of them), then sends the frames from there
 * again, split to a smaller size while the link loses frames. A board that stays silent, resets or
 * answers with another design ends the run with a {@link LinkException}.
 * Not thread-safe.
 */
public final class LinkPort implements ArrayPort {
    /**
     * @param minAckMs  the least time to wait for an answer before sending again (the timeout adapts to the measured round trip)
     * @param silenceMs a board that sends no valid frame for this long while a frame waits does not answer
     * @param maxCycles a COMMAND still busy after this many cycles is a hung board
     */
    public record Options(int minAckMs, int silenceMs, long maxCycles) {
        /** A board on a USB UART. */
        public static Options board() {
            return new Options(50, 3_000, 1L << 28);
        }

        /** The simulated board: its clock runs slower than a real board's, so timeouts are longer. */
        public static Options simulated() {
            return new Options(100, 30_000, 1L << 28);
        }
    }

    /** What the board said about itself (IDENTIFY). */
    public record Identity(int version, String designHash, int rxBytes, int maxPayload, int clockHz, int baud, int addrBytes, int wordBytes) {}

    /** Counts of the link so far. */
    public record Stats(long framesSent, long retransmissions, long naks, long damagedReceived, long busyFrames, long payloadBytesSent,
                        long wireBytesSent, long wireBytesReceived, long timeouts) {}

    private final class Pending {
        int seq;
        final int code, entryBytes;
        final byte[] payload;
        byte[] wire;
        final boolean barrier;
        long firstSent, lastSent;
        int sends;
        /** Waiting in the window to be sent (first, or again after a NAK). */
        boolean queued = true;
        boolean done;
        Frames.Frame answer;

        Pending(int seq, int code, byte[] payload, boolean barrier) {
            this.seq = seq;
            this.code = code;
            this.payload = payload;
            this.wire = Frames.encode(seq, code, payload);
            this.entryBytes = HostLink.RX_ENTRY_HEADER + HostLink.HEADER_BYTES + payload.length;
            this.barrier = barrier;
        }

        void renumber(int s) {
            seq = s;
            queued = true;
            staleProbe[s] = false;
            wire = Frames.encode(s, code, payload);
        }
    }

    private static final int MAX_SENDS = 12;
    /**
     * A probe's seq is PROBE_AHEAD to PROBE_AHEAD + PROBE_SPREAD - 1 ahead of the next frame's, a
     * different one each time: always a gap (the board expects at most MAX_WINDOW_FRAMES behind
     * it, and a gap is under 128 ahead), so the board answers NAK(expected) and executes nothing;
     * and a late answer to an earlier probe is never taken for the current one's.
     */
    private static final int PROBE_AHEAD = MAX_WINDOW_FRAMES, PROBE_SPREAD = 128 - 2 * MAX_WINDOW_FRAMES;
    private int probeCount;
    /** INFOMORPH_LINK_TRACE=1: one stderr line per frame event, to see a lossy link's recovery. */
    private static final boolean TRACE = System.getenv("INFOMORPH_LINK_TRACE") != null;

    /** The message is built only when tracing (it runs once per frame). */
    private void trace(java.util.function.Supplier<String> what) {
        if (TRACE) System.err.printf("link %8.3f %s (window %d, next %d, probe %d)%n", System.nanoTime() / 1e9 % 1000, what.get(), window.size(), nextSeq, probeSeq);
    }
    private final ByteLink link;
    private final Options opt;
    private final ArrayDeque<Pending> window = new ArrayDeque<>();
    private final byte[] buf = new byte[8192];
    private final int[] readWidthExp = new int[16];
    private Frames.Decoder decoder = new Frames.Decoder(1 << 16);
    private Identity id;
    private boolean synced;
    private int nextSeq;
    private int inFlightBytes;
    private long lastHeard;
    private double srttMs = -1, rttVarMs;
    private int chunk;
    private int cleanFrames;
    private long framesSent, retransmissions, naks, busyFrames, payloadSent, wireSent, wireReceived, timeouts;
    private int probeSeq = -1;
    /** The probe out follows a barrier (nothing was lost): it does not shrink the frames. */
    private boolean tailProbe;
    /** Seqs of probes withdrawn when the window emptied: their late NAKs report nothing lost. */
    private final boolean[] staleProbe = new boolean[256];
    private long probeSent;
    private int probes;

    public LinkPort(ByteLink link, Options opt) {
        this.link = link;
        this.opt = opt;
    }

    public String portName() {
        return link.name();
    }

    public Identity identity() {
        return id;
    }

    /** True between a successful {@link #identify} and a board reset. */
    public boolean synced() {
        return synced;
    }

    public Stats stats() {
        return new Stats(framesSent, retransmissions, naks, decoder.dropped(), busyFrames, payloadSent, wireSent, wireReceived, timeouts);
    }

    /** Synchronises with the board (any seq is accepted) and reads its identity. */
    public Identity identify() {
        synced = false;
        window.clear();
        inFlightBytes = 0;
        probeSeq = -1;
        Arrays.fill(staleProbe, false);
        probes = 0;
        nextSeq = (int) (System.nanoTime() & 0xff);
        link.write(new byte[] {(byte) SLIP_END, (byte) SLIP_END}); // ends whatever half frame the board holds
        byte[] a = await(send(CMD_IDENTIFY, new byte[0], true)).payload();
        if (a.length != IDENTITY_BYTES)
            throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": the board's identity has " + a.length + " bytes, not " + IDENTITY_BYTES
                    + "; it speaks another protocol version: build and flash it again (infomorph fpga build, fpga flash)");
        int version = a[0] & 0xff;
        StringBuilder hash = new StringBuilder();
        for (int i = 8; i >= 1; i--) hash.append(String.format("%02x", a[i] & 0xff));
        id = new Identity(version, hash.toString(), u(a, 9, 2), u(a, 11, 2), u(a, 13, 4), u(a, 17, 4), a[21] & 0xff, a[22] & 0xff);
        if (version != VERSION)
            throw new LinkException(LinkException.Kind.OTHER_DESIGN, link.name() + ": the board speaks host-link version " + version + ", this host "
                    + VERSION + "; build and flash the board again (infomorph fpga build, fpga flash)");
        synced = true;
        probeSeq = -1;
        probes = 0;
        chunk = maxChunk();
        decoder = new Frames.Decoder(id.maxPayload() + 64);
        return id;
    }

    private static int u(byte[] a, int off, int n) {
        int v = 0;
        for (int i = 0; i < n; i++) v |= (a[off + i] & 0xff) << (8 * i);
        return v;
    }

    // ------------------------------------------------------------------ ArrayPort

    @Override
    public void write(int region, int unit, int word, long[] data) {
        requireSynced();
        int addr = RtlContract.address(region, unit, word);
        int i = 0;
        while (i < data.length) {
            int room = chunk - id.addrBytes() - 1, wexp = 0, k = 0;
            while (i + k < data.length) {
                int e = Math.max(wexp, widthExp(data[i + k]));
                if ((k + 1) << e > room) break;
                wexp = e;
                k++;
            }
            byte[] p = new byte[id.addrBytes() + 1 + (k << wexp)];
            le(p, 0, addr + i, id.addrBytes());
            p[id.addrBytes()] = (byte) wexp;
            for (int j = 0; j < k; j++) le(p, id.addrBytes() + 1 + (j << wexp), data[i + j], 1 << wexp);
            send(CMD_WRITE, p, false);
            i += k;
        }
    }

    @Override
    public long[] read(int region, int unit, int word, int n) {
        requireSynced();
        int addr = RtlContract.address(region, unit, word);
        long[] out = new long[n];
        int i = 0;
        while (i < n) {
            int wexp = readWidthExp[region], w = 1 << wexp;
            int k = Math.min(Math.min(n - i, (chunk - 1) / w), 0xffff);
            byte[] p = new byte[id.addrBytes() + 3];
            le(p, 0, addr + i, id.addrBytes());
            p[id.addrBytes()] = (byte) wexp;
            le(p, id.addrBytes() + 1, k, 2);
            byte[] a = await(send(CMD_READ, p, true)).payload();
            if (a.length != k * w + 1)
                throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": a READ of " + k + " words of " + w + " bytes came back with " + a.length + " bytes");
            if (a[a.length - 1] != 0) { // a word did not fit: read this chunk again, wider
                if (w >= id.wordBytes()) throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": a full-width READ reported an overflow");
                readWidthExp[region] = wexp + 1;
                continue;
            }
            for (int j = 0; j < k; j++) out[i + j] = signed(a, j * w, w);
            i += k;
        }
        return out;
    }

    @Override
    public long command(int op, long arg) {
        requireSynced();
        byte[] p = new byte[1 + id.wordBytes()];
        p[0] = (byte) op;
        le(p, 1, arg, id.wordBytes());
        byte[] a = await(send(CMD_COMMAND, p, true)).payload();
        if (a.length != 4) throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": a COMMAND answer has " + a.length + " bytes, not 4");
        return u(a, 0, 4) & 0xffffffffL;
    }

    @Override
    public void reset() {
        requireSynced();
        await(send(CMD_RESET, new byte[0], true));
    }

    /** The array's cycle counter (STATUS word 0). */
    @Override
    public long cycles() {
        return read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_CYCLES, 1)[0];
    }

    /** Waits until every frame sent so far is acknowledged. */
    public void drain() {
        if (!window.isEmpty() && probeSeq < 0 && synced) probe(false);
        while (!window.isEmpty()) pump();
    }

    @Override
    public void close() {
        link.close();
    }

    // ------------------------------------------------------------------ frames, window, retries

    private void requireSynced() {
        if (!synced) throw new IllegalStateException("identify the board first");
    }

    private static int widthExp(long v) {
        if (v == (byte) v) return 0;
        if (v == (short) v) return 1;
        if (v == (int) v) return 2;
        return 3;
    }

    private static void le(byte[] b, int off, long v, int n) {
        for (int i = 0; i < n; i++) b[off + i] = (byte) (v >>> (8 * i));
    }

    private static long signed(byte[] b, int off, int n) {
        long v = 0;
        for (int i = 0; i < n; i++) v |= (long) (b[off + i] & 0xff) << (8 * i);
        int sh = 64 - 8 * n;
        return sh == 0 ? v : v << sh >> sh;
    }

    /** Queues a frame behind the others (after a barrier's answer) and sends what the window allows. */
    private Pending send(int code, byte[] payload, boolean barrier) {
        int entry = HostLink.RX_ENTRY_HEADER + HostLink.HEADER_BYTES + payload.length;
        while (!window.isEmpty() && (window.peekLast().barrier || window.size() >= MAX_WINDOW_FRAMES || inFlightBytes + entry > budget())) pump();
        if (window.isEmpty()) lastHeard = System.nanoTime();
        Pending p = new Pending(nextSeq, code, payload, barrier);
        staleProbe[p.seq] = false; // the seq is a data frame's now: its NAK is news
        nextSeq = (nextSeq + 1) & 0xff;
        window.addLast(p);
        inFlightBytes += entry;
        framesSent++;
        payloadSent += payload.length;
        fill();
        return p;
    }

    /**
     * Sends the queued frames of the window, in order, while at most MAX_WINDOW_FRAMES frames and
     * the byte budget are unanswered (frames split after a loss wait here, so the board's ring never
     * overflows). Nothing is sent while a probe is out: every frame in flight is then older than the
     * probe, so its answer is exact. A barrier is followed by a probe: its loss (or its answer's)
     * then shows in the probe's NAK at once, not after a timeout.
     */
    private void fill() {
        if (probeSeq >= 0) return;
        int frames = 0, bytes = 0, limit = budget();
        for (Pending p : window) {
            if (p.done) continue;
            if (p.queued) {
                if (frames >= MAX_WINDOW_FRAMES || bytes + p.entryBytes > limit) return;
                transmit(p);
                if (p.barrier && synced) {
                    probe(false);
                    return;
                }
            }
            frames++;
            bytes += p.entryBytes;
        }
    }

    private void transmit(Pending p) {
        long now = System.nanoTime();
        if (p.sends == 0) p.firstSent = now;
        p.queued = false;
        p.lastSent = now;
        p.sends++;
        trace(() -> "send " + p.seq + " code " + p.code + " bytes " + p.payload.length + (p.sends > 1 ? " again" : ""));
        wireSent += p.wire.length;
        link.write(p.wire);
    }

    private Frames.Frame await(Pending p) {
        while (!p.done) pump();
        return p.answer;
    }

    /** Reads what the board sent (waiting a little), handles it, and resends on a timeout. */
    private void pump() {
        int n = link.read(buf, 5);
        wireReceived += n;
        long damaged = decoder.dropped();
        for (int i = 0; i < n; i++) {
            Frames.Frame f = decoder.feed(buf[i]);
            if (f != null) handle(f);
        }
        if (decoder.dropped() > damaged) trace(() -> "damaged frame received");
        long now = System.nanoTime();
        Pending head = window.peekFirst();
        if (head == null) {
            withdrawProbe();
            return;
        }
        fill();
        // a damaged frame from the board is most likely an answer we wait for: ask at once rather than after the timeout
        // (with a probe out, the damaged frame may be its answer: ask again under a new seq)
        if (decoder.dropped() > damaged && synced) probe(probeSeq < 0);
        if ((now - lastHeard) / 1e6 > opt.silenceMs())
            throw new LinkException(LinkException.Kind.NO_ANSWER, "the board on " + link.name() + " does not answer (no valid frame in "
                    + opt.silenceMs() / 1000.0 + " s); check that it is powered, flashed with this design (infomorph fpga flash) and on this port");
        long last = Math.max(head.lastSent, probeSeq >= 0 ? probeSent : 0);
        // back off while probes go unanswered: a slow board (or simulation) gets more time, the silence limit still ends it
        if ((now - last) / 1e6 > rto() * (1 << Math.min(probes, 6))) {
            timeouts++;
            trace(() -> "timeout on " + head.seq + ", try " + (probes + 1));
            if (++probes > MAX_SENDS)
                throw new LinkException(LinkException.Kind.NO_ANSWER, "the board on " + link.name() + " does not acknowledge frame " + head.seq + " after "
                        + probes + " tries; the link loses too much (check the cable and the baud rate)");
            if (synced) probe(true);
            else { // before the board knows our numbers it answers no probe: send IDENTIFY again (any seq is accepted)
                retransmissions++;
                transmit(head);
            }
        }
    }

    /** Bytes of buffer entries in flight: half the board's ring, so a frame sent again always finds room (256 before IDENTIFY). */
    private int budget() {
        return id == null ? 256 : id.rxBytes() / 2;
    }

    /** The largest payload sent: three frames fit the budget, so the line stays busy while answers come back. */
    private int maxChunk() {
        return Math.max(32, Math.min(id.maxPayload(), budget() / 3 - HostLink.RX_ENTRY_HEADER - HostLink.HEADER_BYTES));
    }

    private double rto() {
        double r = srttMs < 0 ? 4 * opt.minAckMs() : srttMs + 4 * rttVarMs;
        return Math.max(opt.minAckMs(), r);
    }

    /**
     * Asks where the board is: a tiny frame with a seq ahead of every frame sent (a gap), which
     * the board answers with NAK(expected) after every earlier frame (the link keeps the order).
     * After a loss ({@code loss}) frames are made smaller; a tail probe behind a barrier does not.
     */
    private void probe(boolean loss) {
        if (probeSeq >= 0) staleProbe[probeSeq] = true; // asked again under a new seq: the old probe's answer is stale
        probeSeq = (nextSeq + PROBE_AHEAD + probeCount++ % PROBE_SPREAD) & 0xff;
        staleProbe[probeSeq] = false;
        tailProbe = !loss;
        trace(() -> "probe" + (loss ? " after a loss" : ""));
        probeSent = System.nanoTime();
        byte[] w = Frames.encode(probeSeq, CMD_WRITE, new byte[0]);
        wireSent += w.length;
        link.write(w);
        if (!loss) return;
        cleanFrames = 0;
        if (id != null) chunk = Math.max(32, chunk / 2);
    }

    /**
     * The board expects {@code expected}: every frame before it was executed, none from it on.
     * Executed WRITEs are done; an executed barrier whose answer was lost is sent again as it is
     * (a duplicate: a READ runs again, a COMMAND answers its cycles); the frames from {@code
     * expected} on are split to the current frame size, numbered from {@code expected} and sent.
     */
    private void resume(int expected) {
        java.util.List<Pending> rest = new java.util.ArrayList<>();
        boolean reached = false;
        for (Pending p : window) {
            if (p.seq == expected) reached = true;
            if (reached) rest.add(p);
        }
        if (!reached && expected != nextSeq) return; // not about this window (a stale answer)
        for (Pending p : window) {
            if (rest.contains(p)) break;
            if (p.code == CMD_WRITE) p.done = true;
            else if (!p.done) {
                retransmissions++;
                transmit(p);
            }
        }
        retire();
        if (rest.isEmpty()) return;
        window.removeAll(rest);
        inFlightBytes = window.stream().mapToInt(q -> q.entryBytes).sum();
        int seq = expected;
        java.util.List<Pending> fresh = new java.util.ArrayList<>();
        for (Pending p : rest) {
            for (Pending q : split(p)) {
                q.renumber(seq);
                seq = (seq + 1) & 0xff;
                fresh.add(q);
            }
        }
        nextSeq = seq;
        for (Pending q : fresh) {
            window.addLast(q);
            inFlightBytes += q.entryBytes;
            retransmissions++;
        }
        fill();
    }

    /** A WRITE larger than the current frame size as several (the words in order); any other frame as it is. Callers of await hold the barrier itself. */
    private java.util.List<Pending> split(Pending p) {
        if (p.code != CMD_WRITE || p.payload.length <= chunk || id == null) return java.util.List.of(p);
        int a = id.addrBytes(), wexp = p.payload[a], w = 1 << wexp;
        long addr = 0;
        for (int i = 0; i < a; i++) addr |= (long) (p.payload[i] & 0xff) << (8 * i);
        int words = (p.payload.length - a - 1) / w, per = Math.max(1, (chunk - a - 1) / w);
        java.util.List<Pending> out = new java.util.ArrayList<>();
        for (int j = 0; j < words; j += per) {
            int k = Math.min(per, words - j);
            byte[] q = new byte[a + 1 + k * w];
            le(q, 0, addr + j, a);
            q[a] = (byte) wexp;
            System.arraycopy(p.payload, a + 1 + j * w, q, a + 1, k * w);
            out.add(new Pending(0, CMD_WRITE, q, false));
        }
        return out;
    }

    private Pending find(int seq) {
        for (Pending p : window) if (p.seq == seq) return p;
        return null;
    }

    private void handle(Frames.Frame f) {
        long now = System.nanoTime();
        lastHeard = now;
        trace(() -> "got " + f.seq() + " status " + f.code() + (f.code() == ST_NAK && f.payload().length == 1 ? " expected " + (f.payload()[0] & 0xff) : ""));
        switch (f.code()) {
            case ST_BOOT, ST_NOT_SYNCED -> {
                if (!synced) return;
                synced = false; // the next identify() starts a new session
                throw new LinkException(LinkException.Kind.BOARD_RESET, "the board on " + link.name()
                            + " was reset during the run: its state is lost; run again (the image is loaded anew)");
            }
            case ST_BAD_FRAME -> {
                Pending p = find(f.seq());
                throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": the board rejected frame " + f.seq() + " (command "
                        + (p == null ? "?" : p.code) + "): a host/board protocol mismatch; build and flash the board again");
            }
            case ST_BUSY -> {
                Pending p = find(f.seq());
                if (p == null) return;
                busyFrames++;
                p.lastSent = now;
                p.sends = 1;
                long cycles = f.payload().length == 4 ? u(f.payload(), 0, 4) & 0xffffffffL : 0;
                if (cycles > opt.maxCycles())
                    throw new LinkException(LinkException.Kind.NO_ANSWER, "the board on " + link.name() + " is still busy with a command after "
                            + cycles + " cycles (limit " + opt.maxCycles() + "); reset it and run again");
            }
            case ST_NAK -> {
                naks++;
                int expected = f.payload().length == 1 ? f.payload()[0] & 0xff : -1;
                if (probeSeq >= 0 && f.seq() == probeSeq) {
                    staleProbe[probeSeq] = true; // a second answer to it (the probe was sent twice) says nothing new
                    probeSeq = -1;
                    probes = 0;
                    resume(expected);
                } else if (staleProbe[f.seq()]) {
                    staleProbe[f.seq()] = false; // the answer to a withdrawn probe: nothing was lost
                } else if (probeSeq < 0 && !window.isEmpty()) {
                    probe(true); // a frame was lost before this one: find out where the board is
                }
            }
            case ST_OK, ST_DUP -> {
                Pending p = find(f.seq());
                if (p == null || p.done) return; // an answer to a frame we no longer wait for
                acknowledgeBefore(p);
                p.done = true;
                p.answer = f;
                probes = 0;
                // a COMMAND's answer waits for the array, so its time is no round trip
                if (p.sends == 1 && p.code != CMD_COMMAND) rtt((now - p.firstSent) / 1e6);
                if (++cleanFrames >= 16 && id != null) {
                    chunk = Math.min(maxChunk(), chunk * 2);
                    cleanFrames = 0;
                }
                retire();
            }
            default -> throw new LinkException(LinkException.Kind.PROTOCOL, link.name() + ": unknown status " + f.code() + " from the board");
        }
    }

    /** The board executes in order: every WRITE before {@code p} is done (answers of barriers come on their own). */
    private void acknowledgeBefore(Pending p) {
        for (Iterator<Pending> it = window.iterator(); it.hasNext(); ) {
            Pending q = it.next();
            if (q == p) break;
            if (q.code == CMD_WRITE) q.done = true;
        }
        retire();
    }

    private void retire() {
        while (!window.isEmpty() && window.peekFirst().done) inFlightBytes -= window.pollFirst().entryBytes;
        if (window.isEmpty()) withdrawProbe();
    }

    /** Every frame is answered: a probe out asks nothing more (and with no frame waiting, nothing would time it out). */
    private void withdrawProbe() {
        if (probeSeq < 0) return;
        staleProbe[probeSeq] = true;
        probeSeq = -1;
        probes = 0;
    }

    private void rtt(double ms) {
        if (srttMs < 0) {
            srttMs = ms;
            rttVarMs = ms / 2;
        } else {
            rttVarMs = 0.75 * rttVarMs + 0.25 * Math.abs(srttMs - ms);
            srttMs = 0.875 * srttMs + 0.125 * ms;
        }
    }

    @Override
    public String toString() {
        return "LinkPort[" + link.name() + ", " + Arrays.toString(new long[] {framesSent, retransmissions}) + "]";
    }
}
