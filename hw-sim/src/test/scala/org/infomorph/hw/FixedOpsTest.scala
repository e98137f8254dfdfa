package org.infomorph.hw

import scala.jdk.CollectionConverters._
import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.{Field, NeuronProgram}
import org.infomorph.compiler.fixed.{Fixed => Spec, Xorshift32}
import org.infomorph.compiler.rtl.TableGeometry
import org.junit.jupiter.api.Test

/**
 * Every combinational operation of Fixed.scala, and the bin index of NeuronEngine, side by side
 * with its inputs as ports: one Verilator build per architecture. Widths come from the
 * architecture: the static shifts are the table engine's and a few more, the run-time shift
 * range is the neuron engine's, the saturations are every field of the numerics.
 */
class FixedOpsHarness(p: GenParams) extends Module {
  private val num = p.num
  private def out[T <: Data](name: String, x: T): T = {
    val o = IO(Output(chiselTypeOf(x))).suggestName(name)
    o := x
    o
  }

  /** the accumulator-wide operand of the shifts (the neuron engine's post stage is 40 bits) */
  val a = IO(Input(SInt(FixedOpsHarness.AccBits.W)))
  val staticShifts: Seq[Int] = FixedOpsHarness.staticShifts(p)
  val roundShift: Seq[SInt] = staticShifts.zipWithIndex.map { case (s, i) => out(s"roundShift_$i", Fixed.roundShift(a, s)) }

  val (lo, hi) = FixedOpsHarness.shiftRange(p)
  val s = IO(Input(SInt(8.W)))
  val roundShiftVar: SInt = out("roundShiftVar_o", Fixed.roundShiftVar(a, s, lo, hi))
  /** the neuron engine's post stage: the barrel shift, then the rounding carry beside the saturation */
  private val preShifted = Fixed.preRoundShift(a, s, lo, hi)
  private val roundSats = FixedOpsHarness.fields(p).map(f => Fixed.roundSaturate(preShifted, s > 0.S, f))
  val roundSaturated: Seq[SInt] = roundSats.zipWithIndex.map { case (x, i) => out(s"roundSaturated_$i", x._1) }
  val roundSatEvents: UInt = out("roundSatEvents_o", Cat(roundSats.map(_._2).reverse))

  val v = IO(Input(SInt(FixedOpsHarness.AccBits.W)))
  val fields: Seq[Field] = FixedOpsHarness.fields(p)
  private val sats = fields.map(f => Fixed.saturate(v, f))
  val saturated: Seq[SInt] = sats.zipWithIndex.map { case (x, i) => out(s"saturated_$i", x._1) }
  val satEvents: UInt = out("satEvents_o", Cat(sats.map(_._2).reverse))
  /** the table engine's 32-bit accumulator */
  private val acc = Fixed.saturate(v, BigInt(Int.MinValue), BigInt(Int.MaxValue), 32)
  val accSat: SInt = out("accSat_o", acc._1)
  val accEvent: Bool = out("accEvent_o", acc._2)
  /** the lanes' weight bounds: symmetric, not a power of two */
  val weightMax: BigInt = BigInt(num.weightMax())
  private val wsat = Fixed.saturate(v, -weightMax, weightMax, p.laneBits)
  val weightSat: SInt = out("weightSat_o", wsat._1)
  val weightEvent: Bool = out("weightEvent_o", wsat._2)

  val x32 = IO(Input(UInt(32.W)))
  val xorshift: UInt = out("xorshift_o", Fixed.xorshift32(x32))

  val msbIn = IO(Input(UInt(FixedOpsHarness.AccBits.W)))
  val msb: UInt = out("msb_o", Fixed.msb(msbIn))

  /** max|u| as the range memory holds it */
  val mx = IO(Input(UInt(num.activation().bits().W)))
  val rangeExp: SInt = out("rangeExp_o", Fixed.rangeExp(mx, num.activation().frac(), p.arch.learning().ranges().twoSources().minExp(), p.arch.learning().ranges().twoSources().maxExp()))

  /** the lane's product and a draw: the per-sample update's weight and bias shifts */
  val prod = IO(Input(SInt((2 * ArchMul.Bits).W)))
  val draw = IO(Input(UInt(32.W)))
  val stochasticShifts: Seq[Int] = Seq(p.updateShift, p.updateShift - num.input().frac(), -2, 0, 1, 31).distinct
  val stochastic: Seq[SInt] = stochasticShifts.zipWithIndex.map { case (s, i) => out(s"stochastic_$i", Fixed.stochasticShift(prod, draw, s)) }

  val u = IO(Input(SInt(num.activation().bits().W)))
  val e = IO(Input(SInt(p.rangeBits.W)))
  val bin: UInt = out("bin_o", NeuronEngine.bin(p, u, e))
}

object FixedOpsHarness {
  val AccBits = 40

  def staticShifts(p: GenParams): Seq[Int] = {
    val g = TableGeometry.of(p.arch, p.maxSources)
    (Seq(-3, 0, 1, 2, 31, g.logShift(), g.rShift(), g.outShift()) ++ programShifts(p)).distinct.sorted
  }

  def programShifts(p: GenParams): Seq[Int] =
    p.programs.flatMap(pr => NeuronProgram.Phase.values().toSeq.flatMap(ph => pr.phase(ph).asScala.map(_.shift())))

  /** the neuron engine's post-stage shift range */
  def shiftRange(p: GenParams): (Int, Int) = NeuronEngine.shiftRange(p, programShifts(p).distinct)

  def fields(p: GenParams): Seq[Field] = {
    val n = p.num
    Seq(n.input(), n.activation(), n.theta(), n.slope(), n.count(), n.softSum(), n.log2(), n.q(), n.coefficient(), n.table(), n.error(),
      n.bias(0))
  }
}

class FixedOpsTest {
  private val vectorsPerArch = 4000

  @Test def defaultArchitecture(): Unit = run(TestArchs.default, "fixed-default", 1)

  @Test def narrowArchitecture(): Unit = run(TestArchs.narrow, "fixed-narrow", 2)

  private def run(p: GenParams, name: String, seed: Long): Unit = {
    val check = new Checker(name)
    new RtlSim(name).simulate(new FixedOpsHarness(p)) { m =>
      val h = m.wrapped
      val ctl = m.controller
      val r = new Vectors(seed)
      val af = p.num.activation().frac()
      val lr = p.arch.learning()
      val fieldEdges = (h.fields.flatMap(f => Seq(f.min(), f.max())).map(BigInt(_)) ++ Seq(h.weightMax, -h.weightMax)).flatMap(x => Seq(x - 1, x, x + 1)) ++
        Seq(BigInt(Int.MinValue), BigInt(Int.MaxValue)).flatMap(x => Seq(x - 1, x, x + 1))
      for (i <- 0 until vectorsPerArch) {
        // a run-time shift in [lo, hi], its ends and 0 often
        val s = r.withEdges(h.lo, h.hi).toInt
        // every fourth: just around a field's saturation edge after the rounding shift
        val a = if (i % 4 == 3) edgeBeforeShift(h.fields(r.int(h.fields.size)), s, r.int(2) == 0, r.int(5) - 2)
          else if (i % 2 == 0) r.signed(FixedOpsHarness.AccBits) else r.anyScale(FixedOpsHarness.AccBits)
        val v = if (i % 2 == 0) r.signed(FixedOpsHarness.AccBits, fieldEdges) else r.anyScale(FixedOpsHarness.AccBits)
        val x32 = r.unsigned(32, Seq(BigInt(0x80000000L), BigInt(0x7FFFFFFF)))
        val msbIn = r.withEdges(1, (BigInt(1) << FixedOpsHarness.AccBits) - 1, (0 until FixedOpsHarness.AccBits).map(BigInt(1) << _))
        val mx = r.unsigned(p.num.activation().bits(), (0 until p.num.activation().bits()).flatMap(k => Seq(BigInt(1) << k, (BigInt(1) << k) + 1)))
        val prod = r.signed(2 * ArchMul.Bits)
        val draw = r.unsigned(32)
        val u = r.signed(p.num.activation().bits())
        val e = r.withEdges(lr.ranges().minExp(), lr.ranges().maxExp()).toInt
        m.port(h.a).set(a)
        m.port(h.s).set(s)
        m.port(h.v).set(v)
        m.port(h.x32).set(x32)
        m.port(h.msbIn).set(msbIn)
        m.port(h.mx).set(mx)
        m.port(h.prod).set(prod)
        m.port(h.draw).set(draw)
        m.port(h.u).set(u)
        m.port(h.e).set(e)
        ctl.run(0)
        for ((sh, port) <- h.staticShifts.zip(h.roundShift))
          check.check(m.port(port), signed = true, Spec.roundShift(a.toLong, sh), s"roundShift[s=$sh]", s"$a")
        check.check(m.port(h.roundShiftVar), signed = true, Spec.roundShift(a.toLong, s), s"roundShiftVar[${h.lo},${h.hi}]", s"$a, $s")
        val rounded = Spec.roundShift(a.toLong, s)
        var roundEvents = BigInt(0)
        for (((f, port), k) <- h.fields.zip(h.roundSaturated).zipWithIndex) {
          val c = Spec.clamp(rounded, f.min(), f.max())
          check.check(m.port(port), signed = true, c, s"roundSaturate[$f]", s"$a, $s")
          if (c != rounded) roundEvents = roundEvents.setBit(k)
        }
        check.check(m.port(h.roundSatEvents), signed = false, roundEvents, "roundSaturate events", s"$a, $s")
        var events = BigInt(0)
        for (((f, port), k) <- h.fields.zip(h.saturated).zipWithIndex) {
          val c = Spec.clamp(v.toLong, f.min(), f.max())
          check.check(m.port(port), signed = true, c, s"saturate[$f]", s"$v")
          if (BigInt(c) != v) events = events.setBit(k)
        }
        check.check(m.port(h.satEvents), signed = false, events, "saturate events", s"$v")
        val accC = Spec.clamp(v.toLong, Int.MinValue, Int.MaxValue)
        check.check(m.port(h.accSat), signed = true, accC, "saturate[acc32]", s"$v")
        check.check(m.port(h.accEvent), signed = false, if (BigInt(accC) != v) 1 else 0, "saturate[acc32] event", s"$v")
        val wC = Spec.clamp(v.toLong, -h.weightMax.toLong, h.weightMax.toLong)
        check.check(m.port(h.weightSat), signed = true, wC, "saturate[weight]", s"$v")
        check.check(m.port(h.weightEvent), signed = false, if (BigInt(wC) != v) 1 else 0, "saturate[weight] event", s"$v")
        check.check(m.port(h.xorshift), signed = false, BigInt(Xorshift32.next(x32.toInt) & 0xFFFFFFFFL), "xorshift32", s"$x32")
        check.check(m.port(h.msb), signed = false, Spec.msb(msbIn.toLong), "msb", s"$msbIn")
        check.check(m.port(h.rangeExp), signed = true, Spec.rangeExp(mx.toLong, af, lr.ranges().twoSources().minExp(), lr.ranges().twoSources().maxExp()), "rangeExp", s"$mx")
        for ((sh, port) <- h.stochasticShifts.zip(h.stochastic))
          check.check(m.port(port), signed = true, Spec.stochasticShift(prod.toLong, draw.toInt, sh), s"stochasticShift[s=$sh]", s"$prod, $draw")
        check.check(m.port(h.bin), signed = false, Spec.bin(u.toLong, e, af, p.binsExp), "bin", s"$u, $e")
        check.drain(ctl)
      }
      ctl.completeInFlightCommands()
    }
    check.assertClean()
    println(s"$name: ${check.checked} checks of $vectorsPerArch vectors, 0 mismatches")
  }

  /** The shift input whose rounded result crosses f's max (or min) edge, offset by d; clamped to the operand's range. */
  private def edgeBeforeShift(f: Field, s: Int, max: Boolean, d: Int): BigInt = {
    val edge = BigInt(if (max) f.max() else f.min())
    val a = (if (s > 0) ((2 * edge + (if (max) 1 else -1)) << (s - 1)) else edge >> -s) + d
    val lim = BigInt(1) << (FixedOpsHarness.AccBits - 1)
    a.max(-lim).min(lim - 1)
  }
}
