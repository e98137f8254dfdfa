package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The array's memories (docs/llu-rtl.md, "Memories"): behavioural Verilog that Verilator
 * simulates and yosys maps to the block kind its `ram_style` names ("huge": iCE40 SPRAM,
 * "block": block RAM, "logic": LUTs/flip-flops). Reads are registered; the array never reads and
 * writes one address in one cycle, so no read-during-write behaviour is relied on
 * (`no_rw_check`). One Verilog module per port shape and style; depth and width are parameters.
 */
object Memories {
  val Styles: Seq[String] = Seq("block", "huge", "logic")

  def abits(depth: Int): Int = org.infomorph.compiler.rtl.Capacity.bits(depth)

  private def check(style: String): Unit =
    require(Styles.contains(style), s"memory style $style is not one of ${Styles.mkString(", ")}")

  /** One read and one write port. */
  class Ram1R1WBox(depth: Int, width: Int, style: String)
      extends BlackBox(Map("DEPTH" -> depth, "WIDTH" -> width, "ABITS" -> abits(depth))) with HasBlackBoxInline {
    check(style)
    override def desiredName = s"IfmRam1R1W_$style"
    val io = IO(new Bundle {
      val clk = Input(Clock())
      val ren = Input(Bool())
      val raddr = Input(UInt(abits(depth).W))
      val rdata = Output(UInt(width.W))
      val wen = Input(Bool())
      val waddr = Input(UInt(abits(depth).W))
      val wdata = Input(UInt(width.W))
    })
    setInline(s"$desiredName.v",
      s"""module $desiredName #(parameter DEPTH = 16, WIDTH = 8, ABITS = 4) (
         |  input clk, input ren, input [ABITS-1:0] raddr, output reg [WIDTH-1:0] rdata,
         |  input wen, input [ABITS-1:0] waddr, input [WIDTH-1:0] wdata);
         |  (* ram_style = "$style", no_rw_check *) reg [WIDTH-1:0] mem [0:DEPTH-1];
         |  always @(posedge clk) begin
         |    if (wen) mem[waddr] <= wdata;
         |    if (ren) rdata <= mem[raddr];
         |  end
         |endmodule
         |""".stripMargin)
  }

  /** One port: a read or a write per cycle (iCE40 SPRAM with style "huge"); rdata keeps its value on a write. */
  class Ram1RWBox(depth: Int, width: Int, style: String)
      extends BlackBox(Map("DEPTH" -> depth, "WIDTH" -> width, "ABITS" -> abits(depth))) with HasBlackBoxInline {
    check(style)
    override def desiredName = s"IfmRam1RW_$style"
    val io = IO(new Bundle {
      val clk = Input(Clock())
      val en = Input(Bool())
      val we = Input(Bool())
      val addr = Input(UInt(abits(depth).W))
      val wdata = Input(UInt(width.W))
      val rdata = Output(UInt(width.W))
    })
    setInline(s"$desiredName.v",
      s"""module $desiredName #(parameter DEPTH = 16, WIDTH = 8, ABITS = 4) (
         |  input clk, input en, input we, input [ABITS-1:0] addr, input [WIDTH-1:0] wdata, output reg [WIDTH-1:0] rdata);
         |  (* ram_style = "$style", no_rw_check *) reg [WIDTH-1:0] mem [0:DEPTH-1];
         |  always @(posedge clk) if (en) begin
         |    if (we) mem[addr] <= wdata;
         |    else rdata <= mem[addr];
         |  end
         |endmodule
         |""".stripMargin)
  }

  /** A read-only table with a registered output, written as a case statement (yosys makes it a ROM). */
  class RomBox(name: String, contents: Seq[BigInt], width: Int, style: String)
      extends BlackBox with HasBlackBoxInline {
    check(style)
    private val ab = abits(contents.length)
    override def desiredName = s"IfmRom_$name"
    val io = IO(new Bundle {
      val clk = Input(Clock())
      val ren = Input(Bool())
      val addr = Input(UInt(ab.W))
      val rdata = Output(UInt(width.W))
    })
    private val cases = contents.zipWithIndex.map { case (v, i) => s"      $ab'd$i: rdata <= $width'd${v & ((BigInt(1) << width) - 1)};" }
    setInline(s"$desiredName.v",
      s"""module $desiredName (input clk, input ren, input [${ab - 1}:0] addr, output reg [${width - 1}:0] rdata);
         |  (* rom_style = "$style" *)
         |  always @(posedge clk) if (ren) begin
         |    case (addr)
         |${cases.mkString("\n")}
         |      default: rdata <= $width'd0;
         |    endcase
         |  end
         |endmodule
         |""".stripMargin)
  }
}

/** A memory port as a client drives it: read data arrives the cycle after a read. */
class RamPort(depth: Int, dataBits: Int) extends Bundle {
  val ren = Bool()
  val raddr = UInt(Memories.abits(depth).W)
  val wen = Bool()
  val waddr = UInt(Memories.abits(depth).W)
  val wdata = UInt(dataBits.W)
}

/** A memory as its clients drive it: [[read]] and [[write]] under `when`; read data arrives the cycle after a read. */
trait RamAccess {
  def read(a: UInt): Unit
  def write(a: UInt, d: UInt): Unit
  def rdata: UInt
}

/** A 1R1W memory with default-off request wires; clients call [[read]] and [[write]] under `when`. */
class Ram1R1W(val depth: Int, val width: Int, style: String) extends RamAccess {
  private val box = Module(new Memories.Ram1R1WBox(depth, width, style))
  val ab: Int = Memories.abits(depth)
  val ren: Bool = WireDefault(false.B)
  val raddr: UInt = WireDefault(0.U(ab.W))
  val wen: Bool = WireDefault(false.B)
  val waddr: UInt = WireDefault(0.U(ab.W))
  val wdata: UInt = WireDefault(0.U(width.W))
  box.io.clk := Module.clock
  box.io.ren := ren
  box.io.raddr := raddr
  box.io.wen := wen
  box.io.waddr := waddr
  box.io.wdata := wdata
  val rdata: UInt = box.io.rdata

  private def fit(a: UInt): UInt = a.pad(ab)(ab - 1, 0)
  def read(a: UInt): Unit = { ren := true.B; raddr := fit(a) }
  def write(a: UInt, d: UInt): Unit = { wen := true.B; waddr := fit(a); wdata := d.pad(width)(width - 1, 0) }
}

/** A single-port memory: one read or one write per cycle (its clients never ask for both in one cycle). */
class Ram1RW(val depth: Int, val width: Int, style: String) extends RamAccess {
  private val box = Module(new Memories.Ram1RWBox(depth, width, style))
  val ab: Int = Memories.abits(depth)
  val en: Bool = WireDefault(false.B)
  val we: Bool = WireDefault(false.B)
  val addr: UInt = WireDefault(0.U(ab.W))
  val wdata: UInt = WireDefault(0.U(width.W))
  box.io.clk := Module.clock
  box.io.en := en
  box.io.we := we
  box.io.addr := addr
  box.io.wdata := wdata
  val rdata: UInt = box.io.rdata

  private def fit(a: UInt): UInt = a.pad(ab)(ab - 1, 0)
  def read(a: UInt): Unit = { en := true.B; we := false.B; addr := fit(a) }
  def write(a: UInt, d: UInt): Unit = { en := true.B; we := true.B; addr := fit(a); wdata := d.pad(width)(width - 1, 0) }
}

/** A ROM with a registered read. */
class Rom(name: String, contents: Seq[BigInt], val width: Int, style: String) {
  private val box = Module(new Memories.RomBox(name, contents, width, style))
  val ab: Int = Memories.abits(contents.length)
  val ren: Bool = WireDefault(false.B)
  val addr: UInt = WireDefault(0.U(ab.W))
  box.io.clk := Module.clock
  box.io.ren := ren
  box.io.addr := addr
  val rdata: UInt = box.io.rdata

  def read(a: UInt): Unit = { ren := true.B; addr := a.pad(ab)(ab - 1, 0) }
}

/**
 * The array's one kind of multiplier: signed 16 x 16 with a registered 32-bit product (one
 * iCE40 SB_MAC16, ECP5 MULT18X18D or Xilinx DSP48E1). Written as Verilog so the synthesis tools
 * see a signed product (firtool writes Chisel's signed `*` as a wider unsigned one), registered
 * before any other use (the yosys 0.23 ice40_dsp workaround, toolchain notes).
 */
class Mul16 extends BlackBox with HasBlackBoxInline {
  private val w: Int = ArchMul.Bits
  val io = IO(new Bundle {
    val clk = Input(Clock())
    val a = Input(SInt(w.W))
    val b = Input(SInt(w.W))
    val p = Output(SInt((2 * w).W))
  })
  override def desiredName = "IfmMul16"
  setInline("IfmMul16.v",
    s"""module IfmMul16 (input clk, input signed [${w - 1}:0] a, input signed [${w - 1}:0] b, output reg signed [${2 * w - 1}:0] p);
       |  always @(posedge clk) p <= a * b;
       |endmodule
       |""".stripMargin)
}

object Mul16 {
  /** a * b registered: the product of the operands of this cycle, the next cycle (operands at most 16 bits). */
  def apply(a: SInt, b: SInt): SInt = {
    val m = Module(new Mul16)
    m.io.clk := Module.clock
    m.io.a := a.pad(ArchMul.Bits)(ArchMul.Bits - 1, 0).asSInt
    m.io.b := b.pad(ArchMul.Bits)(ArchMul.Bits - 1, 0).asSInt
    m.io.p
  }
}
