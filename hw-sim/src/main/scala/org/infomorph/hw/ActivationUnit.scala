package org.infomorph.hw

import chisel3._
import chisel3.util._

/** STAND-IN (replaced by the real activation unit at merge): same ports, fixed latency, theta from r only. */
class ActivationUnit(p: GenParams) extends Module {
  private val ab = p.num.activation().bits()
  private val tb = p.num.theta().bits()
  val io = IO(new Bundle {
    val start = Input(Bool())
    val r = Input(SInt(ab.W))
    val c = Input(SInt(ab.W))
    val l = Input(SInt(ab.W))
    val schneider = Input(Bool())
    val k = Input(Vec(7, SInt(p.num.coefficient().bits().W)))
    val withSlopes = Input(Bool())
    val done = Output(Bool())
    val theta = Output(UInt(tb.W))
    val f = Output(Vec(3, SInt(p.num.slope().bits().W)))
    val sat = Output(new SatEvents)
  })
  io.done := ShiftRegister(io.start, ActivationUnit.latency(p), false.B, true.B)
  io.theta := RegEnable(io.r.asUInt(ab - 1, ab - tb), 0.U, io.start)
  io.f := VecInit(Seq.fill(3)(0.S(p.num.slope().bits().W)))
  io.sat := SatEvents.none
}

object ActivationUnit {
  def latency(p: GenParams): Int = 9
}
