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

/** CRC-32 as java.util.zip.CRC32 (reflected, the register before the final xor). */
object Crc32 {
  val Init: BigInt = BigInt(L.CRC_INIT.toLong & 0xffffffffL)
  /** The register after a frame and its own CRC (little-endian): the check value of a good frame. */
  val Residue: BigInt = BigInt(0xdebb20e3L)
  val Poly: BigInt = BigInt(L.CRC_POLY_REFLECTED.toLong & 0xffffffffL)
}

/**
 * CRC-32 one bit per cycle: `absorb` takes a byte, which is in `crc` 8 cycles later (`idle` again);
 * `init` restarts the register. The link's bytes come at most one per 40 clocks (4 clocks a bit, 10
 * bits a byte), so 8 cycles a byte suffice; in the link engine the two byte-wide updates took 234
 * iCE40 LUT4s (196 logic cells) more than these: their XOR trees had taken in the bytes' multiplexer.
 */
class Crc32Serial extends Module {
  val io = IO(new Bundle {
    val init = Input(Bool())
    val absorb = Input(Bool())
    val byte = Input(UInt(8.W))
    val idle = Output(Bool())
    val crc = Output(UInt(32.W))
  })
  private val crc = RegInit(Crc32.Init.U(32.W))
  private val bits = RegInit(0.U(8.W))
  private val left = RegInit(0.U(4.W))
  io.idle := left === 0.U
  io.crc := crc
  when(io.init) {
    crc := Crc32.Init.U
    left := 0.U
  }.elsewhen(io.absorb) {
    bits := io.byte
    left := 8.U
  }.elsewhen(left =/= 0.U) {
    crc := (crc >> 1) ^ Mux(crc(0) ^ bits(0), Crc32.Poly.U(32.W), 0.U)
    bits := bits >> 1
    left := left - 1.U
  }
}
