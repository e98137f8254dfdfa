package org.infomorph.hw

import chisel3._

/**
 * A synchronous memory port seen from the engine that drives it: read data arrives the cycle
 * after a read (en && !we). Writes and reads to one address in the same cycle are not relied on.
 */
class MemPort(val addrBits: Int, val dataBits: Int) extends Bundle {
  val en = Output(Bool())
  val we = Output(Bool())
  val addr = Output(UInt(addrBits.W))
  val wdata = Output(UInt(dataBits.W))
  val rdata = Input(UInt(dataBits.W))

  /** Drives an idle port. */
  def idle(): Unit = {
    en := false.B
    we := false.B
    addr := 0.U
    wdata := 0.U
  }
}

/** Saturation events of one cycle, per counter id of the model's SaturationCounters (0..12). */
class SatEvents extends Bundle {
  val n = Vec(SatEvents.Ids, UInt(4.W))
}

object SatEvents {
  val Ids = 13
  val ACTIVATION = 0; val THETA_LUT = 1; val SLOPE = 2; val COUNT = 3; val SOFT_SUM = 4; val TABLE = 5; val ERROR = 6
  val GRADIENT = 7; val WEIGHT = 8; val BIAS = 9; val Q = 10; val COEFFICIENT = 11; val MOMENTUM = 12

  def none: SatEvents = 0.U.asTypeOf(new SatEvents)
}

/** One source of a layer, decoded from CONFIG (docs/llu-rtl.md, layer +40 + 12 k). */
class SourceConfig extends Bundle {
  val size = UInt(20.W)
  val weightFrac = SInt(8.W)
  val productShift = UInt(6.W)
  val fixed = Bool()
  val weightBase = UInt(20.W)
  val biasBase = UInt(20.W)
  val gradBase = UInt(20.W)
  val gradBiasBase = UInt(20.W)
  val velBase = UInt(20.W)
  val velBiasBase = UInt(20.W)
}

/** One layer, decoded from CONFIG (docs/llu-rtl.md, layer at 64 + 128 L). */
class LayerConfig(p: GenParams) extends Bundle {
  private val coef = p.num.coefficient().bits()
  val neurons = UInt(20.W)
  val slots = UInt(20.W)
  val sources = UInt(2.W)
  val schneider = Bool()
  val bias = Bool()
  val cells = UInt(16.W)
  val prngBase = UInt(20.W)
  val histBase = UInt(20.W)
  val rangeBase = UInt(20.W)
  val pass2Base = UInt(20.W)
  val k = Vec(7, SInt(coef.W))
  val gammaBottom = SInt(coef.W)
  val invLn2 = SInt(coef.W)
  val beta = Vec(18, SInt(coef.W))
  val src = Vec(3, new SourceConfig)
}
