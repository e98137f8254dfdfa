package org.infomorph.hw

import chisel3._
import chisel3.util._

/** STAND-IN (replaced by the real table engine at merge): same ports, a fixed latency, no memory traffic. */
class TableEngine(p: GenParams) extends Module {
  private val hb = p.addrBits(p.cap.hist())
  val io = IO(new Bundle {
    val start = Input(Bool())
    val cfg = Input(new LayerConfig(p))
    val base = Input(UInt(hb.W))
    val active = Input(Bool())
    val done = Output(Bool())
    val count = new MemPort(hb, p.num.count().bits())
    val soft = new MemPort(hb, p.num.softSum().bits())
    val table = new MemPort(hb, p.num.table().bits())
    val sat = Output(new SatEvents)
  })
  io.done := ShiftRegister(io.start, 4, false.B, true.B)
  io.count.idle()
  io.soft.idle()
  io.table.idle()
  io.sat := SatEvents.none
}
