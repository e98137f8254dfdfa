package org.infomorph.fpga

import chisel3._
import chisel3.util._
import org.infomorph.compiler.rtl.{HostLink => L}

/** A byte of an outgoing frame, or (`end`) a frame delimiter. */
class FrameByte extends Bundle {
  val end = Bool()
  val byte = UInt(8.W)
}

/** SLIP encoder (RFC 1055): END and ESC in the data become two bytes; `end` tokens become END. */
class SlipEncoder extends Module {
  val io = IO(new Bundle {
    val in = Flipped(Decoupled(new FrameByte))
    val out = Decoupled(UInt(8.W))
  })
  private val second = RegInit(0.U(8.W))
  private val pending = RegInit(false.B)
  private val b = io.in.bits.byte
  private val special = !io.in.bits.end && (b === L.SLIP_END.U || b === L.SLIP_ESC.U)
  io.out.valid := pending || io.in.valid
  io.out.bits := Mux(pending, second, Mux(io.in.bits.end, L.SLIP_END.U, Mux(special, L.SLIP_ESC.U, b)))
  io.in.ready := !pending && io.out.ready
  when(pending && io.out.ready) { pending := false.B }
  when(io.in.fire && special) {
    pending := true.B
    second := Mux(b === L.SLIP_END.U, L.SLIP_ESC_END.U, L.SLIP_ESC_ESC.U)
  }
}

/** CRC-32 as java.util.zip.CRC32, one byte at a time (reflected, the register before the final xor). */
object Crc32 {
  val Init: BigInt = BigInt(L.CRC_INIT.toLong & 0xffffffffL)
  /** The register after a frame and its own CRC (little-endian): the check value of a good frame. */
  val Residue: BigInt = BigInt(0xdebb20e3L)
  private val Poly = BigInt(L.CRC_POLY_REFLECTED.toLong & 0xffffffffL)

  def byte(crc: UInt, b: UInt): UInt = {
    var c = crc ^ b.pad(32)
    for (_ <- 0 until 8) c = Mux(c(0), (c >> 1) ^ Poly.U(32.W), c >> 1)
    c(31, 0)
  }
}
