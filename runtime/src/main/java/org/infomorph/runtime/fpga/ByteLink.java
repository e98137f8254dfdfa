package org.infomorph.runtime.fpga;

/** A byte stream to a board: a serial port, or a pseudo-terminal of the simulated board. */
public interface ByteLink extends AutoCloseable {
    /** Writes every byte (blocks until the driver took them). */
    void write(byte[] bytes);

    /** Reads what is there into {@code buf}, waiting up to {@code timeoutMs} for the first byte: the count (0 on timeout). */
    int read(byte[] buf, int timeoutMs);

    /** The port's name, for messages. */
    String name();

    @Override
    void close();
}
