package org.infomorph.runtime.cli;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.SimBoard;
import org.infomorph.runtime.sim.VerilatorDevice;
import picocli.CommandLine.Option;

/** Shared options that pick the hardware device of a lockstep run: the RTL in Verilator, the simulated board, or a board. */
final class DeviceOptions {
    @Option(names = "--device", paramLabel = "D", defaultValue = "rtl",
            description = "rtl (L3: the RTL in Verilator), simboard (L4: the board top in Verilator behind a pseudo-terminal) or board:PORT (L4: a board on a serial port, e.g. board:/dev/ttyUSB1) (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "3000000", description = "UART baud of board:PORT (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--link-faults", paramLabel = "RATE", defaultValue = "0",
            description = "simboard: the share of bytes the link fault injector changes, each way (flip, drop, duplicate, delay mixed) (default: ${DEFAULT-VALUE})")
    double linkFaults;

    @Option(names = "--link-seed", paramLabel = "S", defaultValue = "1", description = "simboard: seed of the link fault injector (default: ${DEFAULT-VALUE})")
    long linkSeed;

    /** The ladder level the device runs: "L3" or "L4". */
    String level() {
        return device.equals("rtl") ? "L3" : "L4";
    }

    ArrayDevice open(int units, int fault) {
        if (device.equals("rtl")) return new VerilatorDevice(units, fault, false);
        if (fault >= 0) throw new InvalidInputException("--fault needs --device rtl");
        if (device.equals("simboard")) {
            if (linkFaults < 0 || linkFaults >= 1) throw new InvalidInputException("--link-faults must be in [0, 1), got " + linkFaults);
            return FpgaDevice.simulated(units, SimBoard.Faults.mixed(linkFaults, linkSeed));
        }
        if (device.startsWith("board:") && device.length() > 6) {
            if (linkFaults != 0) throw new InvalidInputException("--link-faults needs --device simboard");
            return FpgaDevice.board(units, device.substring(6), baud);
        }
        throw new InvalidInputException("--device " + device + ": use rtl, simboard or board:PORT (e.g. board:/dev/ttyUSB1)");
    }
}
