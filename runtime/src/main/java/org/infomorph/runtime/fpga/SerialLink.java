package org.infomorph.runtime.fpga;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A serial port through jSerialComm: a board's USB UART, or the simulated board's pseudo-terminal. 8N1, no flow control. */
public final class SerialLink implements ByteLink {
    /** Longest single wait inside the driver; {@link #read} loops up to its own timeout. */
    private static final int POLL_MS = 20;
    private final SerialPort port;
    private final String name;

    private SerialLink(SerialPort port, String name) {
        this.port = port;
        this.name = name;
    }

    /** Opens {@code path} at {@code baud}; a missing or unusable port is a {@link LinkException} of kind NO_PORT. */
    public static SerialLink open(String path, int baud) {
        if (!path.startsWith("COM") && !Files.exists(Path.of(path)))
            throw new LinkException(LinkException.Kind.NO_PORT, "no such serial port: " + path + " (present: " + present()
                    + "); plug the board in, or give --device board:PORT with one of these");
        SerialPort p;
        try {
            p = SerialPort.getCommPort(path);
        } catch (SerialPortInvalidPortException e) {
            throw new LinkException(LinkException.Kind.NO_PORT, "not a serial port: " + path + " (" + e.getMessage() + ")");
        }
        p.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        p.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, POLL_MS, 0);
        if (!p.openPort())
            throw new LinkException(LinkException.Kind.NO_PORT, "cannot open serial port " + path + " (error " + p.getLastErrorCode()
                    + "); check that no other program holds it and that you may use it (group dialout)");
        return new SerialLink(p, path);
    }

    /** The serial ports the system lists, for messages. */
    static String present() {
        try {
            String s = Arrays.stream(SerialPort.getCommPorts()).map(SerialPort::getSystemPortPath).collect(Collectors.joining(", "));
            return s.isEmpty() ? "none" : s;
        } catch (RuntimeException | LinkageError e) {
            return "unknown";
        }
    }

    @Override
    public void write(byte[] bytes) {
        int off = 0;
        while (off < bytes.length) {
            int n = port.writeBytes(bytes, bytes.length - off, off);
            if (n < 0) throw new LinkException(LinkException.Kind.NO_ANSWER, "writing to " + name + " failed (error " + port.getLastErrorCode() + "); is the board still connected?");
            off += n;
        }
    }

    @Override
    public int read(byte[] buf, int timeoutMs) {
        long deadline = System.nanoTime() + timeoutMs * 1_000_000L;
        while (true) {
            int avail = port.bytesAvailable();
            if (avail > 0) {
                int n = port.readBytes(buf, Math.min(avail, buf.length));
                if (n < 0) throw new LinkException(LinkException.Kind.NO_ANSWER, "reading from " + name + " failed; is the board still connected?");
                if (n > 0) return n;
            } else {
                int n = port.readBytes(buf, 1);
                if (n < 0) throw new LinkException(LinkException.Kind.NO_ANSWER, "reading from " + name + " failed; is the board still connected?");
                if (n > 0) return n;
            }
            if (System.nanoTime() >= deadline) return 0;
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void close() {
        port.closePort();
    }
}
