package org.infomorph.compiler.rtl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.network.NetworkStore;

/**
 * Everything the board top's generator reads (docs/host-link.md): the LLU array's generator
 * parameters and the host link's. {@link #hash()} names a build of the board top; the board
 * identifies itself with {@code generator.hash()}.
 *
 * @param clockHz    the clock of the board top (the board's oscillator)
 * @param baud       UART bits per second; clockHz / baud must be an integer of at least 4 (the
 *                   receiver samples each bit 4 times or more)
 * @param rxBytes    the receive buffer in bytes, a power of two: bounds the frames in flight
 * @param maxPayload the largest payload of a frame the host sends
 * @param linkTest   true: the board top carries a stand-in for the array behind the same host port
 *                   (a small memory; commands wait {@code arg & 0xffff} cycles), to bring up a board's link
 *                   before the array fits it
 */
public record BoardParams(GeneratorParams generator, int clockHz, int baud, int rxBytes, int maxPayload, boolean linkTest) {
    public static final String FORMAT = "infomorph-board/1";
    private static final ObjectMapper JSON = CanonicalJson.JSON;

    public BoardParams {
        if (baud < 1 || clockHz < 1) throw new IllegalArgumentException("clockHz and baud must be > 0");
        if (clockHz % baud != 0 || clockHz / baud < 4)
            throw new IllegalArgumentException("clockHz / baud = " + clockHz + " / " + baud + " must be an integer >= 4 (4x oversampling); use a baud that divides the clock");
        if (rxBytes < 64 || Integer.bitCount(rxBytes) != 1 || rxBytes > 1 << 15)
            throw new IllegalArgumentException("rxBytes must be a power of two in 64..32768, got " + rxBytes);
        if (maxPayload < 16 || maxPayload + HostLink.HEADER_BYTES + HostLink.CRC_BYTES + HostLink.RX_ENTRY_HEADER > rxBytes / 2)
            throw new IllegalArgumentException("maxPayload " + maxPayload + " must be >= 16 and leave two frames in rxBytes " + rxBytes);
    }

    /** The link of the boards we know: 3 Mbaud, 2 KiB receive buffer, 512-byte payloads. */
    public static BoardParams of(GeneratorParams g, int clockHz, int baud) {
        return new BoardParams(g, clockHz, baud, 2048, 512, false);
    }

    public BoardParams withLinkTest(boolean on) {
        return new BoardParams(generator, clockHz, baud, rxBytes, maxPayload, on);
    }

    /** The hash the board identifies with: the generator parameters', or for the link test a hash of its own. */
    public String designHash() {
        if (!linkTest) return generator.hash();
        return NetworkStore.sha256(("link-test:" + generator.hash()).getBytes(java.nio.charset.StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** Clock cycles per UART bit. */
    public int clocksPerBit() {
        return clockHz / baud;
    }

    public ObjectNode toTree() {
        ObjectNode b = JSON.createObjectNode().put("format", FORMAT);
        b.set("generator", generator.toTree());
        b.put("clockHz", clockHz).put("baud", baud).put("rxBytes", rxBytes).put("maxPayload", maxPayload).put("linkTest", linkTest);
        return b;
    }

    public String toJson() {
        return CanonicalJson.text(toTree());
    }

    /** SHA-256 of the canonical JSON, first 16 hex digits. */
    public String hash() {
        return CanonicalJson.hash(toTree());
    }

    public static BoardParams read(Path file) {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !FORMAT.equals(root.path("format").asText()))
                throw InvalidInputException.at(file.toString(), "format", "must be \"" + FORMAT + "\"");
            GeneratorParams g = GeneratorParams.parse(root.get("generator"), file.toString());
            return new BoardParams(g, root.path("clockHz").asInt(0), root.path("baud").asInt(0), root.path("rxBytes").asInt(0),
                    root.path("maxPayload").asInt(0), root.path("linkTest").asBoolean(false));
        } catch (IOException e) {
            throw InvalidInputException.at(file.toString(), null, "cannot read (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw InvalidInputException.at(file.toString(), null, e.getMessage());
        }
    }
}
