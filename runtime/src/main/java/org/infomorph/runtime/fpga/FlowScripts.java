package org.infomorph.runtime.fpga;

import java.util.Locale;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.targets.TargetDescriptor;

/** Scripts for the flows Debian 12 lacks, to run on the user's machine beside the emitted {@code BoardTop.sv}. */
public final class FlowScripts {
    private FlowScripts() {}

    /** ECP5: nextpnr-ecp5 and ecppack (Debian 13, or the OSS CAD Suite) on the yosys netlist written here. */
    public static String ecp5(TargetDescriptor t, String lpf, BoardParams bp) {
        String size = t.device().part().toLowerCase(Locale.ROOT).replaceAll(".*-(\\d+)f.*", "$1k");
        return String.join("\n",
                "#!/bin/sh",
                "# Place, route and pack BoardTop for " + t.name() + " (" + t.device().part() + ", " + t.device().packageName() + ").",
                "# Written by infomorph fpga build; BoardTop.json is yosys synth_ecp5's netlist of BoardTop.sv.",
                "# Needs nextpnr-ecp5 and ecppack (prjtrellis): Debian 13 packages nextpnr-ecp5 and fpga-trellis.",
                "set -eu",
                "cd \"$(dirname \"$0\")\"",
                String.format(Locale.ROOT, "nextpnr-ecp5 --%s --package %s --lpf %s --json BoardTop.json --textcfg BoardTop.config --freq %.2f --report nextpnr-report.json",
                        size, t.device().packageName(), lpf, bp.clockHz() / 1e6),
                "ecppack --compress BoardTop.config BoardTop.bit",
                "echo \"BoardTop.bit written; program it with: openFPGALoader -b ulx3s BoardTop.bit\"",
                "");
    }

    /** Xilinx 7: a non-project Vivado Tcl flow from BoardTop.sv to a bitstream and reports. */
    public static String vivado(TargetDescriptor t, String xdc) {
        String part = t.device().part().toLowerCase(Locale.ROOT) + t.device().packageName().toLowerCase(Locale.ROOT) + "-1L";
        if (part.startsWith("xc7a35t")) part = "xc7a35ticsg324-1L";
        return String.join("\n",
                "# Vivado batch flow for BoardTop on " + t.name() + ": vivado -mode batch -source vivado.tcl",
                "# Written by infomorph fpga build.",
                "set part " + part,
                "read_verilog -sv BoardTop.sv",
                "read_xdc " + xdc,
                "synth_design -top BoardTop -part $part",
                "opt_design",
                "place_design",
                "route_design",
                "report_utilization -file utilization.rpt",
                "report_timing_summary -file timing.rpt",
                "write_bitstream -force BoardTop.bit",
                "");
    }
}
