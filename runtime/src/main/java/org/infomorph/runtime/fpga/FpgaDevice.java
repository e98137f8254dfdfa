package org.infomorph.runtime.fpga;

import java.nio.file.Path;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.runtime.array.ArrayDevice;
import org.infomorph.runtime.array.ArrayPort;
import org.infomorph.runtime.sim.SimBuild;

/**
 * Ladder level L4: the LLU array on a board, driven over the host link (docs/host-link.md) by
 * {@link ArrayDevice}. The board is a real one on a serial port, or the simulated board (the board
 * top in Verilator behind a pseudo-terminal), which this device starts itself and drives through
 * the same serial-port code.
 *
 * <p>On load the board must identify with the design the image needs (the generator-parameter
 * hash); its array is then reset and loaded.
 */
public final class FpgaDevice extends ArrayDevice {
    /** The simulated board's clock and baud: the iCEBreaker's 12 MHz and 3 Mbaud. */
    public static final int SIM_CLOCK_HZ = 12_000_000, SIM_BAUD = 3_000_000;

    private final String portPath;
    private final int baud;
    private final SimBoard.Faults faults;
    private final LinkPort.Options options;
    /** A board's design (what fpga build built for its target); null: the simulated board is built for each image's layout. */
    private final GeneratorParams design;
    private SimBoard sim;
    private LinkPort link;

    private FpgaDevice(int units, String portPath, int baud, SimBoard.Faults faults, LinkPort.Options options, GeneratorParams design) {
        super(units);
        this.design = design;
        this.portPath = portPath;
        this.baud = baud;
        this.faults = faults;
        this.options = options;
    }

    /**
     * A board on a serial port ({@code /dev/ttyUSB1}) at {@code baud}, flashed with {@code design}:
     * the generator parameters {@code infomorph fpga build} compiled for the board's target
     * ({@link SynthInputs#compile}), whose hash the board must identify with.
     */
    public static FpgaDevice board(GeneratorParams design, String port, int baud) {
        return new FpgaDevice(design.units(), port, baud, null, LinkPort.Options.board(), design);
    }

    /** The simulated board, its link changed by {@code faults}. */
    public static FpgaDevice simulated(int units, SimBoard.Faults faults) {
        return new FpgaDevice(units, null, SIM_BAUD, faults, LinkPort.Options.simulated(), null);
    }

    @Override
    protected GeneratorParams params(org.infomorph.compiler.image.Image img, org.infomorph.compiler.rtl.RtlLayout l) {
        if (design == null) return super.params(img, l);
        if (!design.capacity().max(l.capacity()).equals(design.capacity()))
            throw new org.infomorph.compiler.InvalidInputException(img.network().name() + " needs " + l.capacity() + ", more than the board's design holds ("
                    + design.capacity() + "); give verify the --target, --mode and --units the bitstream was built with");
        return design;
    }

    public FpgaDevice withCapacityFloor(Capacity c) {
        setCapacityFloor(c);
        return this;
    }

    @Override
    public String level() {
        return "board";
    }

    /** The link (null before the first load). */
    public LinkPort link() {
        return link;
    }

    /** The simulated board (null for a real one, or before the first load). */
    public SimBoard simBoard() {
        return sim;
    }

    @Override
    protected ArrayPort open(GeneratorParams p, ArrayPort current, GeneratorParams previous) {
        if (faults != null && (sim == null || !sim.params().generator().equals(p))) {
            closeLink();
            sim = SimBoard.start(cache(), BoardParams.of(p, SIM_CLOCK_HZ, SIM_BAUD), faults);
        }
        if (link == null) link = new LinkPort(SerialLink.open(faults != null ? sim.pty() : portPath, baud), options);
        if (!link.synced()) link.identify();
        String need = p.hash();
        if (!need.equals(link.identity().designHash()))
            throw new LinkException(LinkException.Kind.OTHER_DESIGN, "the board on " + link.portName() + " carries design " + link.identity().designHash()
                    + ", the image needs " + need + "; build and flash it: infomorph fpga build IMAGE --target T -o DIR && infomorph fpga flash DIR");
        link.reset();
        return link;
    }

    private static Path cache() {
        return SimBuild.cacheRoot();
    }

    private void closeLink() {
        if (link != null) link.close();
        link = null;
    }

    @Override
    public void close() {
        closeLink();
        if (sim != null) sim.close();
        sim = null;
        super.closeQuietly();
    }
}
