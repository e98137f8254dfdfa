package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The control word the controller broadcasts to every lane each cycle (docs/llu-rtl.md,
 * "Lanes"). Fields act in the cycle they are high; the controller delays them to the stage they
 * name: a memory read issued in cycle c answers in c + 1, a product formed in c + 1 is ready in
 * c + 2.
 */
class LaneCtl(p: GenParams) extends Bundle {
  // the lane memory: one read or one write per cycle, the same word of every lane
  val rd = Bool()
  val wr = Bool()
  val addr = UInt(Memories.abits(p.cap.laneWords()).W)
  // the read answer (c + 1): shift it into the PRNG state or the bias; or multiply it by x (MAC)
  // or keep it as the weight being updated
  val prngIn = Bool()
  val biasIn = Bool()
  val mac = Bool()
  val updW = Bool()
  /** operand B of every lane's multiplier this cycle (x, x << xShift, or 2^input.frac << xShift) */
  val x = SInt(ArchMul.Bits.W)
  /** operand A is the lane's error (update) instead of the read weight (MAC) */
  val useE = Bool()
  // c + 2: accumulate (acc := bias >> p, or acc += product >> p), or finish an update
  val accInit = Bool()
  val accAdd = Bool()
  val pShift = UInt(LaneGroup.pBits(p).W)
  val updCompute = Bool()
  val biasCompute = Bool()
  // the PRNG: one draw (the spike); rotate out the state, the bias or the updated weight for a write
  val spikeDraw = Bool()
  val prngOut = Bool()
  val biasOut = Bool()
  val wOut = Bool()
  /** load lane eLane's error register with eData */
  val eLoad = Bool()
  val eLane = UInt(log2Ceil(p.units max 2).W)
  val eData = SInt(p.num.error().bits().W)
  /** which lanes hold a neuron in this slot */
  val active = Vec(p.units, Bool())
}

/** The multipliers' operand width (ArchConfig.MULTIPLIER_BITS). */
object ArchMul {
  val Bits: Int = org.infomorph.compiler.arch.ArchConfig.MULTIPLIER_BITS
}

/**
 * `lanesPerWord` lanes and the memory word they share (docs/llu-rtl.md, "Lanes"): per lane one
 * multiplier, the accumulator (accumulatorBits), the neuron's PRNG state and bias while its slot runs, and
 * the per-sample update (docs/llu-rule.md section 6). A lane memory word holds the lanes side by
 * side, lane `first` in the low bits; every write writes the whole word, an inactive lane its old
 * value.
 */
class LaneGroup(p: GenParams, first: Int) extends Module {
  private val n = p.lanesPerWord min (p.units - first)
  private val lb = p.laneBits
  val io = IO(new Bundle {
    val ctl = Input(new LaneCtl(p))
    /** a host access to this group's memory (the array is idle) */
    val host = Input(new GroupHost(p))
    val hostRdata = Output(UInt((p.lanesPerWord * lb).W))
    val acc = Output(Vec(n, SInt(p.num.accumulatorBits().W)))
    /** the top theta.bits of each lane's PRNG state: the spike draw */
    val draw = Output(Vec(n, UInt(p.thetaBits.W)))
    /** weight and bias saturation events of this cycle */
    val weightEvents = Output(UInt(log2Ceil(n + 1).W))
    val biasEvents = Output(UInt(log2Ceil(n + 1).W))
  })
  private val c = io.ctl
  private val mem = new Ram1RW(p.cap.laneWords(), p.lanesPerWord * lb, p.style("lane"))
  when(io.host.rd) { mem.read(io.host.word) }
  when(io.host.wr) { mem.write(io.host.word, io.host.wdata) }
  io.hostRdata := mem.rdata

  private val masked = p.num.maskedCode()
  private val wmax = p.num.weightMax()
  private val s = p.updateShift
  private val sb = s - p.num.input().frac()
  private val biasW = p.biasWords * lb
  private val prngW = p.prngWords * lb
  private val wData = Wire(Vec(n, UInt(lb.W)))
  private val wEv = Wire(Vec(n, Bool()))
  private val bEv = Wire(Vec(n, Bool()))

  for (i <- 0 until n) {
    val lane = first + i
    val active = c.active(lane)
    val word = mem.rdata((i + 1) * lb - 1, i * lb)
    // exact in accumulatorBits: the product shift makes the worst case fit (docs/llu-rule.md section 2)
    val acc = RegInit(0.S(p.num.accumulatorBits().W))
    val prng = if (p.stochastic) RegInit(0.U(prngW.W)) else 0.U(prngW.W)
    val bias = RegInit(0.U(biasW.W))
    val e = if (p.learning) RegInit(0.S(p.num.error().bits().W)) else 0.S
    val wOld = RegInit(0.S(lb.W))
    val isMasked = RegInit(false.B)
    val wOut = RegInit(0.U(lb.W))

    // the multiplier: A is the read weight (a masked code is 0) or the error, B the broadcast operand
    val w = word.asSInt
    val a = Mux(c.useE, e, Mux(word === (masked & ((1 << lb) - 1)).U, 0.S, w))
    val product = Mul16(a, c.x)
    val biasValue = bias(p.num.biasBits() - 1, 0).asSInt
    when(c.accInit) { acc := LaneGroup.floorShift(biasValue, c.pShift, p) }
    when(c.accAdd) { acc := acc + LaneGroup.floorShift(product, c.pShift, p) }
    when(c.biasIn) { bias := Cat(word, bias >> lb) }
    when(c.updW) {
      wOld := w
      isMasked := word === (masked & ((1 << lb) - 1)).U
    }
    if (p.stochastic) {
      when(c.prngIn) { prng := Cat(word, prng >> lb) }
      when(c.spikeDraw) { prng := Fixed.xorshift32(prng(31, 0)) }
      when(c.prngOut) { prng := prng.rotateRight(lb) }
    }
    if (p.learning) {
      when(c.eLoad && c.eLane === lane.U) { e := c.eData }
      val d = Fixed.xorshift32(prng(31, 0))
      // (e x' + (d mod 2^S)) >> S, the weight saturated to [-weightMax, weightMax]
      val delta = Fixed.stochasticShift(product, d, s)
      val (wNew, wSat) = Fixed.saturate(wOld +& delta, -wmax, wmax, lb)
      val doW = active && !isMasked
      when(c.updCompute) {
        when(doW) { prng := d }
        wOut := Mux(doW, wNew.asUInt, wOld.asUInt)
      }
      wEv(i) := c.updCompute && doW && wSat
      val deltaB = Fixed.stochasticShift(product, d, sb)
      val (bNew, bSat) = Fixed.saturate(biasValue +& deltaB, p.num.bias(0))
      when(c.biasCompute && active) {
        prng := d
        bias := bNew.pad(biasW).asUInt
      }
      bEv(i) := c.biasCompute && active && bSat
    } else {
      wEv(i) := false.B
      bEv(i) := false.B
    }
    when(c.biasOut) { bias := bias.rotateRight(lb) }
    wData(i) := Mux(c.prngOut, prng(lb - 1, 0), Mux(c.biasOut, bias(lb - 1, 0), wOut))
    io.acc(i) := acc
    io.draw(i) := prng(31, 32 - p.thetaBits)
  }
  // the pipeline: a word read in c answers in c + 1 (the controller times prngIn, biasIn, mac, updW to it)
  when(c.rd) { mem.read(c.addr) }
  when(c.wr) { mem.write(c.addr, Cat(wData.reverse)) }
  io.weightEvents := PopCount(wEv)
  io.biasEvents := PopCount(bEv)
}

/** A host access to a lane memory group. */
class GroupHost(p: GenParams) extends Bundle {
  val rd = Bool()
  val wr = Bool()
  val word = UInt(Memories.abits(p.cap.laneWords()).W)
  val wdata = UInt((p.lanesPerWord * p.laneBits).W)
}

object LaneGroup {
  /** The largest product shift of any fan-in the capacity allows (0 for the default widths). */
  def pMax(p: GenParams): Int = p.num.productShift(p.cap.features() max p.cap.neurons() max 1)

  def pBits(p: GenParams): Int = log2Ceil(pMax(p) + 1) max 1

  /** v >> s (floor) for a run-time s in [0, pMax]. */
  def floorShift(v: SInt, s: UInt, p: GenParams): SInt = {
    val hi = pMax(p)
    if (hi == 0) v
    else {
      val out = WireDefault(v)
      for (k <- 1 to hi) when(s === k.U) { out := v >> k }
      out
    }
  }
}
