package org.infomorph.hw

import chisel3._

/** Who drives the per-unit memories this cycle. */
object Mode {
  val HOST = 0; val RUN = 1; val TABLE = 2; val UPDATE = 3
  val Bits = 2
}

/**
 * The control word the SIMD controller broadcasts to every unit each cycle (all units get the same
 * word; a unit differs only by its index, hence by its neuron jBase + index). Addresses are the
 * per-unit memory words of docs/llu-rtl.md, identical in every unit. Fields are named by the stage
 * they act in: a read issued with a field's strobe answers the next cycle.
 */
class UnitCtl(p: GenParams) extends Bundle {
  val mode = UInt(Mode.Bits.W)
  /** neuron of unit 0 in the current slot (t * P) */
  val jBase = UInt(21.W)
  /** the broadcast input x of the item issued the cycle before (MAC or gradient stream, stage 1) */
  val x = SInt(LluUnit.xBits(p).W)

  // MAC stream, stage 0: item (macK, bias or one weight); macLast closes source macK
  val mac = Bool()
  val macBias = Bool()
  val macLast = Bool()
  val macK = UInt(2.W)
  val macAddr = UInt(20.W)
  // side reads during the MAC: RANGE/MAXABS word of source rngK, PRNG word of the slot
  val rngRd = Bool()
  val rngK = UInt(2.W)
  val rngAddr = UInt(20.W)
  val prngRd = Bool()
  val prngAddr = UInt(20.W)

  val actStart = Bool()
  val withSlopes = Bool()

  // after the activation: spike (+ PRNG write when draw), cell and slopes latched
  val post = Bool()
  val draw = Bool()
  val stochastic = Bool()
  val maxWr = Bool()
  val maxK = UInt(2.W)
  val maxAddr = UInt(20.W)
  /** read COUNT/SOFTSUM/TABLE at histAddr + cell */
  val histRd = Bool()
  /** write back COUNT + 1 and SOFTSUM + theta (the cycle after histRd) */
  val histWr = Bool()
  val histAddr = UInt(20.W)
  val pass2Wr = Bool()
  val pass2Rd = Bool()
  val pass2Addr = UInt(20.W)
  /** form e_errK from the TABLE word read by histRd and the latched slope f_errK (stage 1, the multiplier) */
  val errLatch = Bool()
  val errK = UInt(2.W)

  // gradient stream, stage 0: item (gradK, bias or one weight)
  val grad = Bool()
  val gradBias = Bool()
  val gradK = UInt(2.W)
  val gradAddr = UInt(20.W)

  // boundary engines
  val tableStart = Bool()
  val updStart = Bool()
  val slot = UInt(20.W)
}
