package org.infomorph.fpga

import chisel3._
import chisel3.util._
import org.infomorph.compiler.rtl.BoardParams
import org.infomorph.compiler.rtl.RtlContract._
import org.infomorph.hw.{GenParams, HostPort, LluArray}

/**
 * The board top level (docs/host-link.md): UART, SLIP, the protocol engine and the LLU array
 * behind its host port, plus status LEDs. Port names are the pin names of the constraint files
 * (`fpga/src/main/resources/org/infomorph/fpga/constraints/`).
 *
 *  - `clk`: the board oscillator, `bp.clockHz`;
 *  - `btn_n`: reset, active low (a button; the simulated board pulls it for a reset);
 *  - `rx`, `tx`: the UART at `bp.baud`, 8N1;
 *  - `led_busy` (a frame or a command in progress), `led_error` (a frame was dropped: lit for
 *    2^22 cycles), `led_alive` (blinks), all active high.
 */
class BoardTop(bp: BoardParams) extends RawModule {
  override def desiredName = BoardTop.Name
  val clk = IO(Input(Clock()))
  val btn_n = IO(Input(Bool()))
  val rx = IO(Input(Bool()))
  val tx = IO(Output(Bool()))
  val led_busy = IO(Output(Bool()))
  val led_error = IO(Output(Bool()))
  val led_alive = IO(Output(Bool()))

  // power-on reset: the flops of an FPGA start at 0, so `por` counts up once after configuration
  private val (rst, alive) = withClockAndReset(clk, false.B) {
    val por = RegInit(0.U(4.W))
    val btn = ShiftRegister(btn_n, 2)
    when(!por.andR) { por := por + 1.U }
    val blink = RegInit(0.U(24.W))
    blink := blink + 1.U
    (!por.andR || !btn, blink(23))
  }
  led_alive := alive

  withClockAndReset(clk, rst) {
    val linkReset = Wire(Bool())
    val h = withReset(rst || linkReset) {
      if (bp.linkTest()) Module(new LinkTestArray).io.host else Module(new LluArray(GenParams(bp.generator()))).io.host
    }
    val engine = Module(new LinkEngine(bp))
    linkReset := engine.io.arrayReset
    h.valid := engine.io.host.valid
    h.op := engine.io.host.op
    h.addr := engine.io.host.addr
    h.wdata := engine.io.host.wdata
    engine.io.host.ready := h.ready
    engine.io.host.rvalid := h.rvalid
    engine.io.host.rdata := h.rdata

    val urx = Module(new UartRx(bp.clocksPerBit()))
    urx.io.rx := rx
    engine.io.rx := urx.io.out
    engine.io.rxError := urx.io.frameError
    val enc = Module(new SlipEncoder)
    enc.io.in <> Queue(engine.io.tx, 2)
    val utx = Module(new UartTx(bp.clocksPerBit()))
    utx.io.in <> enc.io.out
    tx := utx.io.tx

    led_busy := engine.io.busy
    val errorLit = RegInit(0.U(22.W))
    when(engine.io.frameDropped || urx.io.frameError) { errorLit := ~0.U(22.W) }.elsewhen(errorLit =/= 0.U) { errorLit := errorLit - 1.U }
    led_error := errorLit =/= 0.U
  }
}

object BoardTop {
  val Name = "BoardTop"
}

/**
 * A stand-in for the LLU array behind the same host port, for bringing up a board's link before
 * the array fits it: 256 words of memory (WRITE, READ with the data 2 cycles later, as the array);
 * RUN and BOUNDARY keep `ready` low for `wdata & 0xffff` cycles (at least one).
 */
class LinkTestArray extends Module {
  val io = IO(new Bundle { val host = new HostPort })
  private val h = io.host
  private val busy = RegInit(0.U(16.W))
  private val mem = SyncReadMem(256, UInt(h.wdata.getWidth.W))
  h.ready := busy === 0.U
  private val fire = h.valid && h.ready
  when(fire && h.op === OP_WRITE.U) { mem.write(h.addr(7, 0), h.wdata) }
  private val rd = fire && h.op === OP_READ.U
  private val data = mem.read(h.addr(7, 0), rd)
  private val stage = RegNext(rd, false.B)
  h.rvalid := RegNext(stage, false.B)
  h.rdata := RegNext(data)
  when(fire && (h.op === OP_RUN.U || h.op === OP_BOUNDARY.U)) { busy := Mux(h.wdata(15, 0) === 0.U, 1.U, h.wdata(15, 0)) }
    .elsewhen(busy =/= 0.U) { busy := busy - 1.U }
}

/** Emits `BoardTop.sv` for a board.json: `BoardEmit <board.json> <output dir>` (unchanged files keep their timestamp). */
object BoardEmit {
  def main(args: Array[String]): Unit = {
    if (args.length != 2) {
      System.err.println("usage: BoardEmit <board.json> <output dir>")
      sys.exit(2)
    }
    val bp = BoardParams.read(java.nio.file.Paths.get(args(0)))
    val changed = org.infomorph.hw.Emit.emitTop(new BoardTop(bp), BoardTop.Name, java.nio.file.Paths.get(args(1)))
    println(s"${BoardTop.Name}.sv ${if (changed) "written" else "unchanged"}")
  }
}
