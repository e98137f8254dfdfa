package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.LinkPort;

/** The host link's counts after a run on a board (docs/host-link.md). */
final class LinkReport {
    private LinkReport() {}

    static void print(PrintWriter o, FpgaDevice d) {
        LinkPort.Stats s = d.link().stats();
        LinkPort.Identity id = d.link().identity();
        o.printf("host link %s: %d baud, design %s; %,d frames sent, %,d resent, %,d NAKs, %,d damaged frames received, %,d BUSY; %,d payload bytes in %,d wire bytes out, %,d wire bytes in%n",
                d.link().portName(), id.baud(), id.designHash(), s.framesSent(), s.retransmissions(), s.naks(), s.damagedReceived(), s.busyFrames(),
                s.payloadBytesSent(), s.wireBytesSent(), s.wireBytesReceived());
        if (d.simBoard() != null) {
            String last = d.simBoard().stop();
            if (!last.isEmpty()) o.println(last);
        }
    }
}
