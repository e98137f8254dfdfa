package org.infomorph.runtime.cli;

import org.infomorph.compiler.InvalidInputException;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.fpga.FpgaDevice;
import org.infomorph.runtime.fpga.SimBoard;
import org.infomorph.runtime.sim.VerilatorDevice;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.fpga.SynthInputs;
import org.infomorph.targets.TargetDescriptor;
import org.infomorph.targets.Targets;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Shared options that pick the hardware device of a lockstep run: the RTL in Verilator, the simulated board, or a board. */
final class DeviceOptions {
    @Option(names = "--device", paramLabel = "D", defaultValue = "rtl",
            description = "rtl (L3: the RTL in Verilator), simboard (L4: the board top in Verilator behind a pseudo-terminal) or board:PORT (L4: a board on a serial port, e.g. board:/dev/ttyUSB1) (default: ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--baud", paramLabel = "B", defaultValue = "3000000", description = "UART baud of board:PORT (default: ${DEFAULT-VALUE})")
    int baud;

    @Option(names = "--target", paramLabel = "NAME",
            description = "board:PORT: the target its bitstream was built for (infomorph fpga build --target); with --mode and --units it gives the design the board must carry (default: ice40up5k-icebreaker)")
    String target;

    @Mixin ModeOption mode;

    @Option(names = "--link-faults", paramLabel = "RATE", defaultValue = "0",
            description = "simboard: the share of bytes the link fault injector changes, each way (flip, drop, duplicate, delay mixed) (default: ${DEFAULT-VALUE})")
    double linkFaults;

    @Option(names = "--link-seed", paramLabel = "S", defaultValue = "1", description = "simboard: seed of the link fault injector (default: ${DEFAULT-VALUE})")
    long linkSeed;

    /** The ladder level the device runs: "L3" or "L4". */
    String level() {
        return device.equals("rtl") ? "L3" : "L4";
    }

    /** A board's design: what {@code fpga build IMAGE --target T --mode M [--units P]} built; null for the other devices. */
    GeneratorParams boardDesign(Image img, Integer units) {
        if (!device.startsWith("board:")) {
            if (target != null) throw new InvalidInputException("--target names a board's build: it needs --device board:PORT");
            return null;
        }
        TargetDescriptor t = Targets.resolve(target == null ? "ice40up5k-icebreaker" : target, null);
        return SynthInputs.compile(img, t, mode.mode, units).mapping().generator();
    }

    /** The device; {@code design} is {@link #boardDesign}'s (units are then its units). */
    ArrayDevice open(int units, int fault, GeneratorParams design) {
        if (device.equals("rtl")) return new VerilatorDevice(units, fault, false);
        if (fault >= 0) throw new InvalidInputException("--fault needs --device rtl");
        if (device.equals("simboard")) {
            if (linkFaults < 0 || linkFaults >= 1) throw new InvalidInputException("--link-faults must be in [0, 1), got " + linkFaults);
            return FpgaDevice.simulated(units, SimBoard.Faults.mixed(linkFaults, linkSeed));
        }
        if (device.startsWith("board:") && device.length() > 6) {
            if (linkFaults != 0) throw new InvalidInputException("--link-faults needs --device simboard");
            return FpgaDevice.board(design, device.substring(6), baud);
        }
        throw new InvalidInputException("--device " + device + ": use rtl, simboard or board:PORT (e.g. board:/dev/ttyUSB1)");
    }
}
