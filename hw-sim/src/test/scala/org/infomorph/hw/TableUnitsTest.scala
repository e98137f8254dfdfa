package org.infomorph.hw

import chisel3._
import org.infomorph.compiler.arch.ArchTables
import org.infomorph.compiler.fixed.{Fixed => Spec, Log2Unit}
import org.infomorph.compiler.rtl.TableGeometry
import org.junit.jupiter.api.Test

/**
 * `lanes` copies of the table engine's divider and of its log2 unit with a multiplier of its own
 * (wired as in TableEngine), widths from the architecture's TableGeometry: one Verilator build
 * runs `lanes` vectors per round.
 */
class TableUnitsHarness(p: GenParams, val lanes: Int) extends Module {
  val g: TableGeometry = TableGeometry.of(p.arch, p.maxSources)
  private val num = p.num
  val load = IO(Input(Bool()))
  val step = IO(Input(Bool()))
  val start = IO(Input(Bool()))
  val m: Seq[SInt] = Seq.tabulate(lanes)(i => IO(Input(SInt(g.massW().W))).suggestName(s"m_$i"))
  val v: Seq[SInt] = Seq.tabulate(lanes)(i => IO(Input(SInt(g.unionW().W))).suggestName(s"v_$i"))
  val x: Seq[UInt] = Seq.tabulate(lanes)(i => IO(Input(UInt((g.unionW() - 1).W))).suggestName(s"x_$i"))
  private val divs = Seq.fill(lanes)(Module(new TableDivider(g.massW(), g.unionW(), num.q().frac(), g.divN(), num.q(), g.qW())))
  private val logs = Seq.fill(lanes)(Module(new TableLog2(g.unionW() - 1, num.log2().frac(), p.log2Lut, p.style("log2"))))
  val q: Seq[SInt] = Seq.tabulate(lanes)(i => IO(Output(SInt(g.qW().W))).suggestName(s"q_$i"))
  val sat: Seq[Bool] = Seq.tabulate(lanes)(i => IO(Output(Bool())).suggestName(s"sat_$i"))
  val log2: Seq[SInt] = Seq.tabulate(lanes)(i => IO(Output(chiselTypeOf(logs(i).value))).suggestName(s"log2_$i"))
  for (i <- 0 until lanes) {
    val d = divs(i)
    d.io.load := load
    d.io.step := step
    d.io.m := m(i)
    d.io.v := v(i)
    q(i) := d.io.q
    sat(i) := d.io.sat
    val l = logs(i)
    l.io.start := start
    l.io.x := x(i)
    l.io.prod := Mul16(l.io.mulA, l.io.mulB)
    log2(i) := l.value
  }
}

class TableUnitsTest {
  private val lanes = 8
  private val rounds = 500

  @Test def defaultArchitecture(): Unit = run(TestArchs.default, "table-default", 11)

  @Test def narrowArchitecture(): Unit = run(TestArchs.narrow, "table-narrow", 12)

  @Test def mitchellLog2(): Unit = run(TestArchs.mitchell, "table-mitchell", 13)

  private def run(p: GenParams, name: String, seed: Long): Unit = {
    val check = new Checker(name)
    val num = p.num
    val spec = new Log2Unit(num.log2().frac(), ArchTables.of(p.arch).log2Mantissa())
    new RtlSim(name).simulate(new TableUnitsHarness(p, lanes)) { sm =>
      val h = sm.wrapped
      val g = h.g
      val ctl = sm.controller
      val clock = sm.port(h.clock)
      def cycles(n: Int): Unit = clock.tick(timestepsPerPhase = 1, maxCycles = n, inPhaseValue = 0, outOfPhaseValue = 1, sentinel = None)
      val r = new Vectors(seed)
      val qf = num.q().frac()
      val (qMin, qMax) = (BigInt(num.q().min()), BigInt(num.q().max()))
      val mLo = -(BigInt(1) << (g.massW() - 1))
      val mHi = (BigInt(1) << (g.massW() - 1)) - 1
      val vLo = -(BigInt(1) << (g.unionW() - 1))
      val vHi = (BigInt(1) << (g.unionW() - 1)) - 1
      val xHi = (BigInt(1) << (g.unionW() - 1)) - 1
      val powers = (0 until g.unionW() - 1).flatMap(k => Seq(BigInt(1) << k, (BigInt(1) << k) - 1, (BigInt(1) << k) + 1))
      sm.port(h.load).set(0)
      sm.port(h.step).set(0)
      sm.port(h.start).set(0)
      for (_ <- 0 until rounds) {
        val ms = Seq.fill(lanes)(r.withEdges(mLo, mHi))
        // a divisor near the quotient limits (|m| 2^frac / qMax, / 2^divN), of either sign, or any divisor
        val vs = ms.map { m0 =>
          val n = m0.abs << qf
          val near = Seq(n / qMax, n / (BigInt(1) << g.divN())).flatMap(b => Seq(b - 1, b, b + 1)).flatMap(b => Seq(b, -b))
          r.int(3) match {
            case 0 => near(r.int(near.size)).max(vLo).min(vHi)
            case 1 => r.anyScale(g.unionW())
            case _ => r.withEdges(vLo, vHi)
          }
        }
        val xs = Seq.fill(lanes)(if (r.int(2) == 0) r.withEdges(1, xHi, powers) else r.anyScale(g.unionW() - 1).abs.max(1))
        for (i <- 0 until lanes) {
          sm.port(h.m(i)).set(ms(i))
          sm.port(h.v(i)).set(vs(i))
          sm.port(h.x(i)).set(xs(i))
        }
        // load and start in one cycle; log2 is ready after 2 cycles, the quotient after divN steps
        sm.port(h.load).set(1)
        sm.port(h.start).set(1)
        cycles(1)
        sm.port(h.load).set(0)
        sm.port(h.start).set(0)
        cycles(1)
        for (i <- 0 until lanes)
          check.check(sm.port(h.log2(i)), signed = true, spec.of(xs(i).toLong), "log2", s"${xs(i)}")
        sm.port(h.step).set(1)
        cycles(g.divN())
        sm.port(h.step).set(0)
        for (i <- 0 until lanes) {
          val raw = BigInt(Spec.quotient(ms(i).toLong, vs(i).toLong, qf))
          val expected = raw.max(qMin).min(qMax)
          check.check(sm.port(h.q(i)), signed = true, expected, "quotient", s"${ms(i)}, ${vs(i)}")
          check.check(sm.port(h.sat(i)), signed = false, if (expected != raw) 1 else 0, "quotient event", s"${ms(i)}, ${vs(i)}")
        }
        check.drain(ctl)
      }
      ctl.completeInFlightCommands()
    }
    check.assertClean()
    println(s"$name: ${check.checked} checks of ${rounds * lanes} vectors (massW ${TableGeometry.of(p.arch, p.maxSources).massW()}), 0 mismatches")
  }
}
