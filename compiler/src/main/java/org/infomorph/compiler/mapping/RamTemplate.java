package org.infomorph.compiler.mapping;

import java.util.Locale;
import java.util.function.IntToLongFunction;

/**
 * The Verilog of every memory the RTL builds: the generator emits these modules and instantiates
 * them, and {@link BlockMapping} says how many blocks yosys 0.23 makes of each instance (measured
 * on exactly this text, docs/synthesis.md). A style is a yosys {@code ram_style}: {@code "huge"}
 * selects iCE40 SPRAM, {@code "block"} block RAM.
 *
 * <p>Reads are registered and nothing depends on read-during-write behaviour ({@code no_rw_check}):
 * the RTL never reads and writes one address in one cycle.
 */
public final class RamTemplate {
    private RamTemplate() {}

    /** The module name of a RAM template in a style, e.g. {@code IfmRam1R1W_block}. */
    public static String moduleName(MemoryShape.Ports ports, String style) {
        return switch (ports) {
            case ONE_READ_ONE_WRITE -> "IfmRam1R1W_" + style;
            case ONE_READ_WRITE -> "IfmRam1RW_" + style;
            case ROM -> throw new IllegalArgumentException("a ROM has its own module per table (rom)");
        };
    }

    /** The parameterised module (DEPTH, WIDTH, ABITS) of a RAM template in a style. */
    public static String module(MemoryShape.Ports ports, String style) {
        return module(moduleName(ports, style), ports, style, "parameter DEPTH = 16, WIDTH = 8, ABITS = 4");
    }

    /** A module with the shape fixed (no parameters): what the block-mapping measurement synthesises. */
    public static String fixedModule(String name, MemoryShape s, String style) {
        return module(name, s.ports(), style, "parameter DEPTH = " + s.depthWords() + ", WIDTH = " + s.widthBits() + ", ABITS = " + s.addressBits());
    }

    private static String module(String name, MemoryShape.Ports ports, String style, String params) {
        String attr = "(* ram_style = \"" + style + "\", no_rw_check *)";
        return switch (ports) {
            // one read port and one write port, registered read
            case ONE_READ_ONE_WRITE -> "module " + name + " #(" + params + ") (input clk, input ren, input [ABITS-1:0] raddr, output reg [WIDTH-1:0] rdata,"
                    + " input wen, input [ABITS-1:0] waddr, input [WIDTH-1:0] wdata);\n"
                    + "  " + attr + " reg [WIDTH-1:0] mem [0:DEPTH-1];\n"
                    + "  always @(posedge clk) begin if (wen) mem[waddr] <= wdata; if (ren) rdata <= mem[raddr]; end\n"
                    + "endmodule\n";
            // one port: a read or a write per cycle; rdata keeps its value on a write
            case ONE_READ_WRITE -> "module " + name + " #(" + params + ") (input clk, input en, input we, input [ABITS-1:0] addr, input [WIDTH-1:0] wdata,"
                    + " output reg [WIDTH-1:0] rdata);\n"
                    + "  " + attr + " reg [WIDTH-1:0] mem [0:DEPTH-1];\n"
                    + "  always @(posedge clk) if (en) begin if (we) mem[addr] <= wdata; else rdata <= mem[addr]; end\n"
                    + "endmodule\n";
            case ROM -> throw new IllegalArgumentException("use rom(...) for a ROM");
        };
    }

    /**
     * A ROM of {@code depth} words: a {@code case} statement with a registered output. yosys 0.23
     * honours {@code rom_style} only on the {@code case} statement (proc_rom copies the switch's
     * attributes to the memory it makes); on the output register it is ignored.
     *
     * @param word the contents; words past depth read 0
     */
    public static String rom(String name, int depth, int width, IntToLongFunction word) {
        MemoryShape s = new MemoryShape(MemoryShape.Ports.ROM, depth, width);
        int ab = s.addressBits();
        StringBuilder v = new StringBuilder();
        v.append("module ").append(name).append(" (input clk, input en, input [").append(ab - 1).append(":0] addr, output reg [")
                .append(width - 1).append(":0] data);\n");
        v.append("  always @(posedge clk) if (en) (* rom_style = \"block\" *) case (addr)\n");
        long mask = width >= 64 ? -1L : (1L << width) - 1;
        for (int i = 0; i < depth; i++)
            v.append(String.format(Locale.ROOT, "    %d'd%d: data <= %d'h%x;%n", ab, i, width, word.applyAsLong(i) & mask));
        v.append("    default: data <= ").append(width).append("'d0;\n  endcase\nendmodule\n");
        return v.toString();
    }
}
