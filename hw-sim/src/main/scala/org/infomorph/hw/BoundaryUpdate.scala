package org.infomorph.hw

import chisel3._
import chisel3.util._

/** STAND-IN (replaced by the real boundary update at merge): same ports, a fixed latency, no memory traffic. */
class BoundaryUpdate(p: GenParams) extends Module {
  private val c = p.cap
  val io = IO(new Bundle {
    val start = Input(Bool())
    val cfg = Input(new LayerConfig(p))
    val slot = Input(UInt(20.W))
    val active = Input(Bool())
    val done = Output(Bool())
    val weight = new MemPort(p.addrBits(c.weights()), p.num.weightBits())
    val mask = new MemPort(p.addrBits(c.weights()), 1)
    val bias = new MemPort(p.addrBits(c.biases()), p.num.biasBits())
    val grad = new MemPort(p.addrBits(c.grads()), p.gradBits)
    val prng = new MemPort(p.addrBits(c.slots()), 32)
    val count = new MemPort(p.addrBits(c.hist()), p.num.count().bits())
    val soft = new MemPort(p.addrBits(c.hist()), p.num.softSum().bits())
    val range = new MemPort(p.addrBits(c.ranges()), p.rangeBits)
    val maxAbs = new MemPort(p.addrBits(c.ranges()), p.num.activation().bits())
    val sat = Output(new SatEvents)
  })
  io.done := ShiftRegister(io.start, 4, false.B, true.B)
  Seq(io.weight, io.mask, io.bias, io.grad, io.prng, io.count, io.soft, io.range, io.maxAbs).foreach(_.idle())
  io.sat := SatEvents.none
}
