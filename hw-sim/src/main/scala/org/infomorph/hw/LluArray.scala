package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * TEMPORARY STAND-IN for the LLU array (the real one has the same ports and replaces this file):
 * just enough of the host port (docs/llu-rtl.md) to test the Verilator bridge. CONFIG global
 * registers, INPUT, OUT, STATUS (cycles, RUN count) and a per-unit WEIGHT memory read back; RUN
 * stays busy for [[LluArray.RunCycles]] cycles; BOUNDARY and PASS2 for one.
 */
class LluArray(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val host = new Bundle {
      val valid = Input(Bool())
      val ready = Output(Bool())
      val op = Input(UInt(4.W))
      val addr = Input(UInt(32.W))
      val wdata = Input(UInt(64.W))
      val rvalid = Output(Bool())
      val rdata = Output(UInt(64.W))
    }
  })
  private val h = io.host
  private val inBits = p.num.input().bits()
  private val wBits = p.num.weightBits()

  private val busy = RegInit(0.U(16.W))
  h.ready := busy === 0.U
  private val fire = h.valid && h.ready
  private val region = h.addr(31, 28)
  private val unit = h.addr(27, 20)
  private val word = h.addr(19, 0)
  private val isWrite = fire && h.op === 0.U
  private val isRead = fire && h.op === 1.U

  private val cycles = RegInit(0.U(64.W))
  cycles := cycles + 1.U
  private val runs = RegInit(0.U(64.W))
  when(fire && h.op === 2.U) {
    busy := LluArray.RunCycles.U
    runs := runs + 1.U
  }.elsewhen(busy =/= 0.U) { busy := busy - 1.U }

  private val config = RegInit(VecInit(Seq.fill(LluArray.ConfigRegs)(0.U(64.W))))
  private val cfgHit = word < LluArray.ConfigRegs.U
  private val cfgAddr = word(log2Ceil(LluArray.ConfigRegs) - 1, 0)
  when(isWrite && region === 0.U && cfgHit) { config(cfgAddr) := h.wdata }

  private val input = SyncReadMem(p.cap.features(), UInt(inBits.W))
  private val inAddr = word(p.addrBits(p.cap.features()) - 1, 0)
  when(isWrite && region === 1.U) { input.write(inAddr, h.wdata(inBits - 1, 0)) }
  private val inRd = input.read(inAddr, isRead && region === 1.U)

  private val out = SyncReadMem(p.cap.out(), UInt(64.W))
  private val outAddr = word(p.addrBits(p.cap.out()) - 1, 0)
  when(isWrite && region === 3.U) { out.write(outAddr, h.wdata) }
  private val outRd = out.read(outAddr, isRead && region === 3.U)

  private val wAddr = word(p.addrBits(p.cap.weights()) - 1, 0)
  private val weightRd = Seq.tabulate(p.units) { u =>
    val m = SyncReadMem(p.cap.weights(), UInt(wBits.W))
    when(isWrite && region === 5.U && unit === u.U) { m.write(wAddr, h.wdata(wBits - 1, 0)) }
    m.read(wAddr, isRead && region === 5.U && unit === u.U)
  }

  // stage 1: memories answer; registers are sampled
  private val r1 = RegNext(isRead, false.B)
  private val region1 = RegNext(region)
  private val unit1 = RegNext(unit)
  private val cfg1 = RegNext(Mux(cfgHit, config(cfgAddr), 0.U))
  private val status1 = RegNext(MuxLookup(word, 0.U)(Seq(0.U -> cycles, 1.U -> runs)))
  private val weight1 = VecInit(weightRd)(unit1)
  // stage 2: the word on the port, sign-extended
  h.rvalid := RegNext(r1, false.B)
  h.rdata := RegNext(MuxLookup(region1, 0.U)(Seq(
    0.U -> cfg1,
    1.U -> inRd.asSInt.pad(64).asUInt,
    3.U -> outRd,
    4.U -> status1,
    5.U -> weight1.asSInt.pad(64).asUInt)))
}

object LluArray {
  val RunCycles = 10
  val ConfigRegs = 8
}
