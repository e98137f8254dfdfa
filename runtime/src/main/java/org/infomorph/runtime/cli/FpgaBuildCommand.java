package org.infomorph.runtime.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.infomorph.compiler.InvalidInputException;
import org.infomorph.compiler.image.Image;
import org.infomorph.compiler.rtl.Capacity;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.mapping.Compilation;
import org.infomorph.runtime.fpga.BoardFlow;
import org.infomorph.runtime.fpga.Ice40Pnr;
import org.infomorph.runtime.fpga.SynthInputs;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.targets.TargetDescriptor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "build", mixinStandardHelpOptions = true,
        description = {"Builds the board top (host link + LLU array) for IMAGE on an FPGA target and writes it to DIR.",
                "iCE40: yosys, nextpnr-ice40, icepack and icetime: BoardTop.bin and a report (utilisation, Fmax, timing met at the board clock).",
                "ECP5: the yosys netlist and pnr-ecp5.sh for nextpnr-ecp5/ecppack; Xilinx 7: the yosys figures and vivado.tcl.",
                "--link-test builds the same board top with a small memory in place of the array (no IMAGE needed), to bring up a board's link.",
                "Cached by design hash. Exit 1 when timing is not met at the board clock."})
final class FpgaBuildCommand implements Callable<Integer> {
    @Spec picocli.CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "IMAGE", description = "an image directory, a trained-network directory or a network file")
    Path image;

    @Option(names = "--link-test", description = "a stand-in memory in place of the LLU array (IMAGE is not needed)")
    boolean linkTest;

    @Mixin TargetOptions target;

    @Mixin ArchOptions arch;

    @Mixin ModeOption mode;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", required = true, description = "output folder")
    Path out;

    @Option(names = "--units", paramLabel = "P", description = "LLUs (default: the compiled image's, or the compiler's choice)")
    Integer units;

    @Override
    public Integer call() {
        PrintWriter o = spec.commandLine().getOut();
        TargetDescriptor t = target.load();
        GeneratorParams g;
        if (image != null) {
            Image img = Images.resolve(image, arch.load(), null).image();
            if (units != null && units < 1) throw new InvalidInputException("--units: must be >= 1, got " + units);
            // the compiler's own generator parameters for the target (as infomorph synth builds them)
            Compilation c = SynthInputs.compile(img, t, mode.mode, units);
            g = SynthInputs.generator(img, c);
        } else if (linkTest) {
            int m = Capacity.MIN;
            g = new GeneratorParams(arch.load(), false, false, 1, 1, new Capacity(1, m, m, m, m, m, m, m, 2), java.util.Map.of(), -1);
        } else {
            throw new InvalidInputException("fpga build: give IMAGE, or --link-test for the link alone");
        }
        BoardParams bp = BoardParams.of(g, BoardFlow.clockHz(t), BoardFlow.baud(t)).withLinkTest(linkTest);
        o.printf("fpga build %s for %s: %s, design %s, %d Hz clock, UART %d baud%n", image == null ? "(link test)" : image, t.name(),
                linkTest ? "link test (memory in place of the array)" : g.units() + " LLUs", bp.designHash(), bp.clockHz(), bp.baud());
        o.flush();
        BoardFlow.Result r = BoardFlow.build(bp, t, out, SimBuild.cacheRoot());
        o.printf("synthesis (yosys%s): %s%n", r.cached() ? ", cached" : "", r.cells());
        if (!r.synthNote().isEmpty()) o.println("note: " + r.synthNote());
        int code = ExitCode.OK.code;
        if (r.pnr() != null) {
            Ice40Pnr.Report pr = r.pnr();
            pr.utilisation().forEach((k, v) -> {
                if (v[0] > 0) o.printf("  %-16s %,6d / %,6d  %5.1f%%%n", k, v[0], v[1], 100.0 * v[0] / Math.max(1, v[1]));
            });
            o.printf("Fmax %.2f MHz (nextpnr), %.2f MHz (icetime); board clock %.2f MHz: timing %s%n", pr.fmaxMHz(), pr.icetimeMHz(), pr.targetMHz(),
                    pr.timingMet() ? "met" : "NOT met");
            o.println("bitstream: " + out.resolve("BoardTop.bin") + " (program it: infomorph fpga flash " + out + ")");
            if (!pr.timingMet()) code = ExitCode.CHECK_FAILED.code;
        } else {
            o.println("place and route: run the script in " + out + " on a machine with the vendor or Debian 13 tools");
        }
        o.println("report: " + out.resolve("report.json"));
        return code;
    }
}
