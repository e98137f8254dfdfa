package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * Activation, sigmoid and slopes of one neuron and sample (docs/llu-rule.md sections 2.2-2.4), the
 * twin of the model's ActivationUnit and SigmoidUnit. A 9-stage pipeline (a new start may come
 * every cycle); every intermediate is exact like the model's `long`.
 *
 * Graetz runs the Schneider datapath with s2 = 0: then k[2]·s2 and σ'(s2) vanish and the formulas
 * coincide, with k[2] as the first lookup's weight and k[3] as the slope constant.
 */
class ActivationUnit(p: GenParams) extends Module {
  private val actF = p.num.activation()
  private val coefF = p.num.coefficient()
  private val slopeF = p.num.slope()
  private val thetaBits = p.num.theta().bits()

  val io = IO(new Bundle {
    val start = Input(Bool())
    val r = Input(SInt(actF.bits().W))
    val c = Input(SInt(actF.bits().W))
    val l = Input(SInt(actF.bits().W))
    val schneider = Input(Bool())
    val k = Input(Vec(7, SInt(coefF.bits().W)))
    val withSlopes = Input(Bool())
    val done = Output(Bool())
    val theta = Output(UInt(thetaBits.W))
    val f = Output(Vec(3, SInt(slopeF.bits().W)))
    val sat = Output(new SatEvents)
  })

  private val af = actF.frac()
  private val tf = p.num.theta().frac()
  private val cf = coefF.frac()
  private val sf = slopeF.frac()
  private val one = (BigInt(1) << tf).S
  private val hi = 2 * af + 2 * tf
  private val mid = 2 * af + tf

  // The sigmoid ROM and SigmoidUnit.index / saturated / at.
  private val entries = p.sigmoidLut.length
  require(entries >= 2 && Integer.bitCount(entries) == 1, "sigmoid LUT size must be a power of two")
  private val sExp = Integer.numberOfTrailingZeros(entries)
  private val lutShift = af + p.arch.luts().sigmoidRangeExp() + 1 - sExp
  private val rom = VecInit(p.sigmoidLut.map(e => e.U(thetaBits.W)))

  /** (entry, saturated) for an argument in `activation`. */
  private def lookup(a: SInt): (UInt, Bool) = {
    val exact = (if (lutShift >= 0) a >> lutShift else a << -lutShift) +& (entries / 2).S
    // the model's index is a Java int: wrap like it
    val idx = if (exact.getWidth > 32) exact(31, 0).asSInt else exact
    val below = idx < 0.S
    val above = idx >= entries.S
    val entry = Mux(below, rom(0), Mux(above, rom(entries - 1), rom(idx.asUInt(sExp - 1, 0))))
    (entry, below || above)
  }

  private def sat(v: SInt, f: org.infomorph.compiler.arch.Field): (SInt, Bool) = Fixed.saturate(v, f)

  /** A pipeline register of x's exact type (RegNext would infer the width). */
  private def nxt[T <: Data](x: T): T = {
    val r = Reg(chiselTypeOf(x))
    r := x
    r
  }

  /** s·(2^theta.frac − s), the σ' term with 2·theta.frac fractional bits. */
  private def dsig(s: UInt): SInt = s.zext * (one -& s.zext)

  // Stage 0: the sampled inputs.
  private val v0 = RegNext(io.start, false.B)
  private val r0 = RegEnable(io.r, io.start)
  private val c0 = RegEnable(io.c, io.start)
  private val l0 = RegEnable(io.l, io.start)
  private val k0 = RegEnable(io.k, io.start)
  private val sch0 = RegEnable(io.schneider, io.start)
  private val ws0 = RegEnable(io.withSlopes, io.start)

  // Stage 1: the exact products and rcq, rlq.
  private val rc = r0 * c0
  private val rl = r0 * l0
  private val (rcq, eRc) = sat(Fixed.roundShift(rc, af), actF)
  private val (rlq, eRl) = sat(Fixed.roundShift(rl, af), actF)
  private val v1 = RegNext(v0, false.B)
  private val r1 = nxt(r0); private val k1 = nxt(k0); private val sch1 = nxt(sch0); private val ws1 = nxt(ws0)
  private val rc1 = nxt(rc); private val rl1 = nxt(rl); private val rr1 = nxt(r0 * r0)
  private val rcq1 = nxt(rcq); private val rlq1 = nxt(rlq)
  private val ev1 = nxt(eRc.asUInt +& (sch0 && eRl).asUInt)

  // Stage 2: the lookup arguments (Graetz: k2·rcq; Schneider: w1·rcq, w2·rlq).
  private val (z1, eZ1) = sat(Fixed.roundShift(Mux(sch1, k1(3), k1(2)) * rcq1, cf), actF)
  private val (z2, eZ2) = sat(Fixed.roundShift(k1(4) * rlq1, cf), actF)
  private val v2 = RegNext(v1, false.B)
  private val r2 = nxt(r1); private val k2 = nxt(k1); private val sch2 = nxt(sch1); private val ws2 = nxt(ws1)
  private val rc2 = nxt(rc1); private val rl2 = nxt(rl1); private val rr2 = nxt(rr1)
  private val z12 = nxt(z1); private val z22 = nxt(z2)
  private val ev2 = nxt(eZ1.asUInt +& (sch1 && eZ2).asUInt)

  // Stage 3: the sigmoid lookups (their saturation is not counted).
  private val v3 = RegNext(v2, false.B)
  private val r3 = nxt(r2); private val k3 = nxt(k2); private val sch3 = nxt(sch2); private val ws3 = nxt(ws2)
  private val rc3 = nxt(rc2); private val rl3 = nxt(rl2); private val rr3 = nxt(rr2)
  private val s13 = nxt(lookup(z12)._1)
  private val s23 = nxt(Mux(sch2, lookup(z22)._1, 0.U))

  // Stage 4: the modulation m and the σ' terms.
  private val msum = k3(1) * s13.zext +& k3(2) * s23.zext
  private val (m, eM) = sat(k3(0) +& Fixed.roundShift(msum, tf), coefF)
  private val v4 = RegNext(v3, false.B)
  private val r4 = nxt(r3); private val k4 = nxt(k3); private val sch4 = nxt(sch3); private val ws4 = nxt(ws3)
  private val rc4 = nxt(rc3); private val rl4 = nxt(rl3); private val rr4 = nxt(rr3)
  private val m4 = nxt(m); private val msum4 = nxt(msum)
  private val ds14 = nxt(dsig(s13)); private val ds24 = nxt(dsig(s23))
  private val ev4 = nxt(eM.asUInt)

  // Stage 5: A, and the slope constants times σ' (Graetz: (2(1-k1)k2)q; Schneider: (c1w1)q, (c2w2)q).
  private val (a, eA) = sat(Fixed.roundShift(r4 * m4, cf), actF)
  private val v5 = RegNext(v4, false.B)
  private val kk05 = nxt(k4(0)); private val sch5 = nxt(sch4); private val ws5 = nxt(ws4)
  private val rc5 = nxt(rc4); private val rl5 = nxt(rl4); private val rr5 = nxt(rr4)
  private val a5 = nxt(a); private val msum5 = nxt(msum4)
  private val kd15 = nxt(Mux(sch4, k4(5), k4(3)) * ds14); private val kd25 = nxt(k4(6) * ds24)
  private val ev5 = nxt(eA.asUInt)

  // Stage 6: θ = LUT(A), and the exact terms of ∂A/∂u.
  private val (theta, eLut) = lookup(a5)
  private val v6 = RegNext(v5, false.B)
  private val sch6 = nxt(sch5); private val ws6 = nxt(ws5)
  private val theta6 = nxt(theta); private val lutSat6 = nxt(eLut)
  private val base6 = nxt((kk05 << hi) +& (msum5 << mid))
  private val p16 = nxt(kd15 * rc5); private val p26 = nxt(kd25 * rl5)
  private val p36 = nxt(kd15 * rr5); private val p46 = nxt(kd25 * rr5)

  // Stage 7: ∂A/∂u reduced to coefficient.frac + theta.frac, and θ(1−θ).
  private val dq = Seq(base6 +& p16 +& p26, p36, p46).map(Fixed.roundShift(_, 2 * af + tf))
  private val v7 = RegNext(v6, false.B)
  private val sch7 = nxt(sch6); private val ws7 = nxt(ws6)
  private val theta7 = nxt(theta6); private val lutSat7 = nxt(lutSat6)
  private val dq7 = dq.map(nxt(_))
  private val d7 = nxt(dsig(theta6))

  // Stage 8: the slopes; 0 when the θ lookup saturated (Graetz has no f2).
  private val fs = dq7.map(x => sat(Fixed.roundShift(x * d7, cf + 3 * tf - sf), slopeF))
  private val live = Seq(true.B, true.B, sch7).map(_ && !lutSat7)
  private val v8 = RegNext(v7, false.B)
  private val theta8 = RegEnable(theta7, v7)
  private val f8 = RegEnable(VecInit(fs.zip(live).map { case ((fv, _), on) => Mux(on, fv, 0.S) }), v7)
  private val ev8 = nxt(Mux(ws7, PopCount(fs.zip(live).map { case ((_, e), on) => e && on }), 0.U))

  io.done := v8
  io.theta := theta8
  io.f := f8

  private val evs = WireDefault(SatEvents.none)
  evs.n(SatEvents.ACTIVATION) := Mux(v1, ev1, 0.U) +& Mux(v2, ev2, 0.U) +& Mux(v5, ev5, 0.U)
  evs.n(SatEvents.COEFFICIENT) := Mux(v4, ev4, 0.U)
  evs.n(SatEvents.THETA_LUT) := (v6 && lutSat6).asUInt
  evs.n(SatEvents.SLOPE) := Mux(v8, ev8, 0.U)
  io.sat := evs
}

object ActivationUnit {
  /** Cycles from start to done, for Graetz and Schneider alike. */
  def latency(p: GenParams): Int = org.infomorph.compiler.rtl.RtlCycles.ACTIVATION_LATENCY
}
