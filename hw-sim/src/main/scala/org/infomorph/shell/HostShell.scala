package org.infomorph.shell

import chisel3._
import chisel3.util._
import java.nio.file.{Files, Paths, StandardCopyOption}
import org.infomorph.compiler.rtl.RtlContract._
import org.infomorph.hw.{Emit, GenParams, LluArray}
import scala.jdk.CollectionConverters._

/**
 * A synthesis shell with few pins around the [[LluArray]]: the host port's 100 command bits
 * (op, addr, wdata) and its 64 read bits are serialised through one shift register, so the array
 * places on a small package (nextpnr-ice40 on the SG48) with its whole host port live.
 *
 * Pins: `sin`, `shift` (on a clock edge with `shift` high the register moves one bit up and takes
 * `sin` in bit 0), `go` (presents the register as one command: op = [99:96], addr = [95:64],
 * wdata = [63:0]), `ready` and `rvalid` (the array's), and `sout` = bit 63: a READ's word is
 * loaded into bits [63:0] when `rvalid` rises, then 64 shifts bring it out, most significant bit
 * first. It costs 100 flip-flops and about one LUT per bit.
 *
 * In its own package so that the synthesis cache, keyed by the generator's classes
 * (org.infomorph.hw), survives changes here.
 */
class HostShell(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val sin = Input(Bool())
    val shift = Input(Bool())
    val go = Input(Bool())
    val ready = Output(Bool())
    val rvalid = Output(Bool())
    val sout = Output(Bool())
  })
  private val bits = OP_BITS + ADDR_BITS + DATA_BITS
  private val sr = RegInit(0.U(bits.W))
  private val core = Module(new LluArray(p))
  private val h = core.io.host
  when(h.rvalid) {
    sr := Cat(sr(bits - 1, DATA_BITS), h.rdata)
  }.elsewhen(io.shift) {
    sr := Cat(sr(bits - 2, 0), io.sin)
  }
  h.valid := io.go
  h.op := sr(bits - 1, ADDR_BITS + DATA_BITS)
  h.addr := sr(ADDR_BITS + DATA_BITS - 1, DATA_BITS)
  h.wdata := sr(DATA_BITS - 1, 0)
  io.ready := h.ready
  io.rvalid := h.rvalid
  io.sout := sr(DATA_BITS - 1)
}

/** Emits `HostShell.sv` (the shell, the array and its memories) for a generator.json: `EmitShell <generator.json> <output dir>`. */
object EmitShell {
  val Top = "HostShell"

  def main(args: Array[String]): Unit = {
    if (args.length != 2) {
      System.err.println("usage: EmitShell <generator.json> <output dir>")
      sys.exit(2)
    }
    val p = GenParams.read(Paths.get(args(0)))
    val outDir = Paths.get(args(1))
    Files.createDirectories(outDir)
    val scratch = Files.createTempDirectory(outDir, "emit-shell-")
    try {
      _root_.circt.stage.ChiselStage.emitSystemVerilogFile(new HostShell(p), Array("--target-dir", scratch.toString), Emit.FirtoolOptions)
      val files = Files.walk(scratch).iterator().asScala.filter(f => f.toString.endsWith(".sv") || f.toString.endsWith(".v")).toList
      val (tops, rest) = files.partition(_.getFileName.toString == s"$Top.sv")
      val text = Emit.withoutFileLists((tops ++ rest.sortBy(_.getFileName.toString)).map(f => Files.readString(f)).mkString("\n"))
      val tmp = scratch.resolve("joined.sv.tmp")
      Files.writeString(tmp, text)
      Files.move(tmp, outDir.resolve(s"$Top.sv"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
      println(s"$Top.sv written")
    } finally {
      Files.walk(scratch).iterator().asScala.toList.reverse.foreach(Files.deleteIfExists(_))
    }
  }

}
