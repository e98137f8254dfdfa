package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The coefficient table Δg of one neuron (one slot) from its histogram, bit for bit the model's
 * CoefficientTable.compute (docs/llu-rule.md section 5), for 2 or 3 sources (`cfg.sources`).
 *
 * The engine walks the cells in ascending order, once per phase:
 *  - LOAD: masses m0, m1 from COUNT/SOFTSUM, marginals per non-full source subset (small
 *    SyncReadMems, read-modify-write; the first cell of a row writes instead of adding, so nothing
 *    needs clearing), the totals, and acc := 0;
 *  - BOTTOM: γ_bottom·ℓ(P(1), P(0)) from the totals;
 *  - per antichain in γ order with β ≠ 0: UNION (V by inclusion-exclusion, β·ℓ(V1, V0) into acc;
 *    for |α| ≥ 2 also Q by two iterative restoring dividers and the marginals of Q), then for
 *    |α| ≥ 2 RSUM (R by inclusion-exclusion over the Q marginals, β·(1/ln2)·(R1 − R0) into acc);
 *  - FINAL: round, saturate and write the table.
 * Every `long` of the model is a 64-bit wrapping value here (wrap64), so even an overflow of the
 * model would be reproduced; the masses, marginals, unions and Q sums are exact (their widths come
 * from the fields and are far below 64 bits).
 *
 * If `start` is high in cycle t, `done` pulses in cycle t + [[TableEngine.cycles]]. `cfg` must stay
 * stable until `done`; `base` and `active` are latched at `start`.
 */
class TableEngine(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val start = Input(Bool())
    val cfg = Input(new LayerConfig(p))
    val base = Input(UInt(p.addrBits(p.cap.hist()).W))
    val active = Input(Bool())
    val done = Output(Bool())
    val count = new MemPort(p.addrBits(p.cap.hist()), p.num.count().bits())
    val soft = new MemPort(p.addrBits(p.cap.hist()), p.num.softSum().bits())
    val table = new MemPort(p.addrBits(p.cap.hist()), p.num.table().bits())
    val sat = Output(new SatEvents)
  })

  private val g = TableEngine.Geometry(p)
  import g._

  io.count.idle(); io.soft.idle(); io.table.idle()
  io.sat := SatEvents.none
  io.done := false.B

  private val S = TableEngine.State
  private val state = RegInit(S.idle)
  private val s3 = Reg(Bool())
  private val act = Reg(Bool())
  private val base = Reg(UInt(io.base.getWidth.W))
  private val c = Reg(UInt(cellBits.W))
  private val step = Reg(UInt(log2Ceil(divN + 5).W))
  private val ac = Reg(UInt(5.W))

  private val lastCell = Mux(s3, (p.bins * p.bins * p.bins - 1).U, (p.bins * p.bins - 1).U)
  private val lastAc = Mux(s3, (p.lattice3.size - 1).U, (p.lattice2.size - 1).U)
  private val cellLast = c === lastCell

  // ---- static program: per antichain, the coefficient of every term (masks 1..6, 7 = the cell itself)
  private def romOf(l: org.infomorph.compiler.arch.LatticeTables) = {
    val full = (1 << l.sources) - 1
    val rows = (0 until 18).map { a =>
      val v = Array.fill(7)(0)
      if (a < l.size) for ((m, k) <- l.masks()(a).zip(l.coefs()(a))) v((if (m == full) 7 else m) - 1) += k
      VecInit(v.toSeq.map(_.S(coefW.W)))
    }
    (VecInit(rows), VecInit((0 until 18).map(a => (a < l.size && l.sizes()(a) >= 2).B)))
  }
  private val (coef2, big2) = romOf(p.lattice2)
  private val (coef3, big3) = romOf(p.lattice3)
  private val coefs = Mux(s3, coef3(ac), coef2(ac))
  private val big = Mux(s3, big3(ac), big2(ac))
  private val beta = io.cfg.beta(ac)

  // ---- cell digits (source 1 is the most significant) and the row of each subset
  private val nb = p.binsExp
  private val d0 = Mux(s3, c(3 * nb - 1, 2 * nb), c(2 * nb - 1, nb))
  private val d1 = Mux(s3, c(2 * nb - 1, nb), c(nb - 1, 0))
  private val d2 = Mux(s3, c(nb - 1, 0), 0.U(nb.W))
  private val dz = Seq(d0 === 0.U, d1 === 0.U, d2 === 0.U)
  /** term t (mask t+1, t < 6): (row, first cell of that row in ascending order) */
  private val rowOf: Seq[(UInt, Bool)] = (1 to 6).map { m =>
    val ds = Seq(d0, d1, d2).zipWithIndex.filter { case (_, i) => (m >> i & 1) == 1 }.map(_._1)
    val outside = (0 until 3).filter(i => (m >> i & 1) == 0).map(dz)
    (Cat(ds), outside.reduce(_ && _))
  }

  // ---- scratch memories
  private val pMem = (1 to 6).map(m => SyncReadMem(p.bins << (nb * (Integer.bitCount(m) - 1)) max 2, Vec(2, SInt(margW.W))))
  private val qMem = (1 to 6).map(m => SyncReadMem(p.bins << (nb * (Integer.bitCount(m) - 1)) max 2, Vec(2, SInt(qMargW.W))))
  private val accMem = SyncReadMem(p.maxCells, SInt(64.W))
  private val qCell = SyncReadMem(p.maxCells, Vec(2, SInt(qW.W)))
  private val total = Reg(Vec(2, SInt(margW.W)))
  // one write port per memory: the phases drive these wires
  private val accWe = WireDefault(false.B)
  private val accWd = WireDefault(0.S(64.W))
  when(accWe) { accMem.write(c, accWd) }

  private val rd0 = step === 0.U
  private val pRd = pMem.zip(rowOf).map { case (m, (r, _)) => m.read(r, rd0 && (state === S.load || state === S.union)) }
  private val qRd = qMem.zip(rowOf).map { case (m, (r, _)) => m.read(r, rd0 && (state === S.union || state === S.rsum)) }
  private val accRd = accMem.read(c, rd0 && (state === S.union || state === S.rsum || state === S.fin))
  private val qCellRd = qCell.read(c, rd0 && state === S.rsum)

  // masses of cell c (read in step 0, valid in step 1)
  private val rdHist = rd0 && (state === S.load || state === S.union)
  private val addr = (base + c)(io.base.getWidth - 1, 0)
  io.count.en := rdHist; io.count.addr := addr
  io.soft.en := rdHist; io.soft.addr := addr
  private val m1 = io.soft.rdata.zext
  private val m0 = (io.count.rdata << p.num.theta().frac()).zext -& m1
  private val mass = Seq(m0, m1)

  /** Σ_t coef_t · term_t: the inclusion-exclusion sum over the (exact) terms of cell c. */
  private def union(terms: Seq[SInt], cell: SInt): SInt =
    (terms :+ cell).zip(coefs).map { case (t, k) => t * k }.reduce(_ +& _)

  // ---- the log2 unit (two, for v = 1 and v = 0)
  private val lf = p.num.log2().frac()
  private val lut = p.log2Lut
  private def log2(x: UInt): SInt = {
    val wn = x.getWidth max (lf + 1)
    val xn = x.pad(wn)
    val msb = Fixed.msb(xn)
    val y = (xn << ((wn - 1).U - msb))(wn - 1, 0)
    val t = y(wn - 2, wn - 1 - lf) // mantissa below the leading one, truncated to lf bits
    val corr: SInt =
      if (lut.isEmpty) t.zext
      else {
        val k = log2Ceil(lut.length - 1)
        val fb = lf - k
        val i = if (k == 0) 0.U else t(lf - 1, fb)
        val f = if (fb == 0) 0.U else t(fb - 1, 0)
        val lutLo = VecInit(lut.init.map(_.S(33.W)))
        val diff = VecInit(lut.zip(lut.tail).map { case (a, b) => (b - a).S(33.W) })
        lutLo(i) +& ((diff(i) * f.zext) >> fb)
      }
    (msb << lf).zext +& corr
  }
  private val vReg = Reg(Vec(2, SInt(unionW.W)))
  private val logIn = VecInit((0 until 2).map(v => Mux(state === S.bottom, total(v).pad(unionW), vReg(v))))
  private val lReg = RegNext(VecInit(logIn.map(v => log2(v.asUInt(unionW - 2, 0)))))
  private val posReg = RegNext(VecInit(logIn.map(_ > 0.S)))
  private val ratio = Mux(posReg(0) && posReg(1), lReg(1) -& lReg(0), 0.S)

  // ---- dividers: Q = floorDiv(m << q.frac, V), 0 when m = 0, saturated to q
  private val qf = p.num.q().frac()
  private val mReg = Reg(Vec(2, SInt(massW.W)))
  private val rem = Reg(Vec(2, UInt((massW + qf).W)))
  private val dsr = Reg(Vec(2, UInt((unionW + divN - 1).W)))
  private val quo = Reg(Vec(2, UInt(divN.W)))
  private val neg = Reg(Vec(2, Bool()))
  private val ovf = Reg(Vec(2, Bool()))
  private val zero = Reg(Vec(2, Bool()))
  private val (qMin, qMax) = Fixed.range(p.num.q())
  private val qOut = (0 until 2).map { v =>
    val value = Mux(neg(v), -((quo(v) +& (rem(v) =/= 0.U)).zext), quo(v).zext)
    val (s, e) = Fixed.saturate(value, qMin, qMax, qW)
    val out = Mux(zero(v), 0.S(qW.W), Mux(ovf(v), Mux(neg(v), qMin.S(qW.W), qMax.S(qW.W)), s))
    (out, !zero(v) && (ovf(v) || e))
  }

  private val accReg = Reg(SInt(64.W))
  private val qpReg = Reg(Vec(6, Vec(2, SInt(qMargW.W))))
  private val scale = Reg(SInt((2 * coefW0).W))
  private val bottom = Reg(SInt(64.W))
  private val rDiff = Reg(SInt(rW.W))

  private def nextCell(last: => Unit): Unit = {
    step := 0.U
    when(cellLast) { c := 0.U; last } .otherwise { c := c + 1.U }
  }
  private def nextAc(): Unit =
    when(ac === lastAc) { state := S.fin } .otherwise { ac := ac + 1.U; state := S.acStart }

  switch(state) {
    is(S.idle) {
      when(io.start) {
        s3 := io.cfg.sources === 3.U
        act := io.active
        base := io.base
        c := 0.U; step := 0.U
        state := S.load
      }
    }
    is(S.load) {
      when(rd0) { step := 1.U } .otherwise {
        for (((m, (r, first)), rdv) <- pMem.zip(rowOf).zip(pRd))
          m.write(r, VecInit((0 until 2).map(v => Mux(first, mass(v), rdv(v) +& mass(v)))))
        for (v <- 0 until 2) total(v) := Mux(c === 0.U, mass(v), total(v) +& mass(v))
        accWe := true.B
        nextCell { state := S.bottom }
      }
    }
    is(S.bottom) {
      when(rd0) { step := 1.U } .otherwise {
        bottom := wrap64((io.cfg.gammaBottom * ratio) << logShift)
        step := 0.U; ac := 0.U; state := S.acStart
      }
    }
    is(S.acStart) {
      when(beta === 0.S) { nextAc() } .otherwise {
        scale := beta * io.cfg.invLn2
        c := 0.U; step := 0.U; state := S.union
      }
    }
    is(S.union) {
      step := step + 1.U
      when(step === 1.U) {
        for (v <- 0 until 2) {
          vReg(v) := union(pRd.map(_(v)), mass(v))
          mReg(v) := mass(v)
        }
        accReg := accRd
        for (t <- 0 until 6) qpReg(t) := qRd(t)
      }
      when(step === 2.U) {
        for (v <- 0 until 2) {
          val a = mReg(v).abs.asUInt << qf
          val b = vReg(v).abs.asUInt
          rem(v) := a
          dsr(v) := b << (divN - 1)
          zero(v) := mReg(v) === 0.S
          neg(v) := (mReg(v) < 0.S) =/= (vReg(v) < 0.S)
          ovf(v) := a >= (b << divN)
        }
      }
      when(step === 3.U) {
        accWe := true.B; accWd := wrap64(accReg +& wrap64((beta * ratio) << logShift))
        when(!big) { nextCell { nextAc() } }
      }
      when(step >= 3.U && step < (divN + 3).U) {
        for (v <- 0 until 2) {
          val ge = rem(v) >= dsr(v)
          when(ge) { rem(v) := rem(v) - dsr(v) }
          quo(v) := Cat(quo(v)(divN - 2, 0), ge)
          dsr(v) := dsr(v) >> 1
        }
      }
      when(step === (divN + 3).U) {
        val q = VecInit(qOut.map(_._1))
        qCell.write(c, q)
        for (((m, (r, first)), t) <- qMem.zip(rowOf).zipWithIndex)
          m.write(r, VecInit((0 until 2).map(v => Mux(first, q(v), qpReg(t)(v) +& q(v)))))
        when(act) { io.sat.n(SatEvents.Q) := qOut.map(_._2.asUInt).reduce(_ +& _) }
        nextCell { state := S.rsum }
      }
    }
    is(S.rsum) {
      step := step + 1.U
      when(step === 1.U) {
        val r = (0 until 2).map(v => union(qRd.map(_(v)), qCellRd(v)))
        rDiff := r(1) -& r(0)
        accReg := accRd
      }
      when(step === 2.U) {
        accWe := true.B; accWd := wrap64(accReg +& wrap64(wrap64(scale * rDiff) << rShift))
        nextCell { nextAc() }
      }
    }
    is(S.fin) {
      when(rd0) { step := 1.U } .otherwise {
        val x = wrap64(accRd -& bottom)
        val r = if (outShift > 0) wrap64(x +& (BigInt(1) << (outShift - 1)).S) >> outShift else wrap64(x << (-outShift))
        val (tv, te) = Fixed.saturate(r, p.num.table())
        io.table.en := act; io.table.we := act
        io.table.addr := addr
        io.table.wdata := tv.asUInt
        when(act) { io.sat.n(SatEvents.TABLE) := te }
        nextCell { state := S.done }
      }
    }
    is(S.done) {
      io.done := true.B
      state := S.idle
    }
  }

  /** Java's `long`: the low 64 bits, sign-extended. */
  private def wrap64(x: SInt): SInt = if (x.getWidth > 64) x(63, 0).asSInt else x.pad(64)
}

object TableEngine {
  object State extends ChiselEnum { val idle, load, bottom, acStart, union, rsum, fin, done = Value }

  /** Static widths and shifts of the engine (all derived from the fields). */
  final case class Geometry(p: GenParams) {
    private val n = p.num
    private def sw(lo: BigInt, hi: BigInt): Int = { var b = 1; while (lo < -(BigInt(1) << (b - 1)) || hi >= (BigInt(1) << (b - 1))) b += 1; b }
    private val one = BigInt(1)
    private val softMax = (one << n.softSum().bits()) - 1
    private val massLo = -softMax
    private val massHi = softMax max (((one << n.count().bits()) - 1) << n.theta().frac())
    private val cells = BigInt(p.maxCells)
    /** largest Σ|coef| of a union expansion */
    val coefSum: Int = Seq(p.lattice2, p.lattice3).flatMap(l => l.coefs().toSeq.map(_.map(math.abs).sum)).max
    val coefW: Int = 3
    val coefW0: Int = n.coefficient().bits()
    val massW: Int = sw(massLo, massHi)
    val margW: Int = sw(massLo * cells, massHi * cells)
    val unionW: Int = sw(massLo * cells * coefSum, massHi * cells * coefSum)
    val qW: Int = sw(n.q().min(), n.q().max())
    val qMargW: Int = sw(BigInt(n.q().min()) * cells, BigInt(n.q().max()) * cells)
    val rW: Int = sw(-BigInt(2 * coefSum) * (BigInt(n.q().max()) - n.q().min()) * cells, BigInt(2 * coefSum) * (BigInt(n.q().max()) - n.q().min()) * cells)
    /** quotient bits of the divider: 2^divN exceeds |q| */
    val divN: Int = BigInt(n.q().max()).bitLength max BigInt(-n.q().min()).bitLength
    val cellBits: Int = log2Ceil(p.maxCells + 1)
    private val cf = n.coefficient().frac()
    private val common = cf + math.max(n.log2().frac(), n.q().frac() + cf)
    val logShift: Int = common - cf - n.log2().frac()
    val rShift: Int = common - 2 * cf - n.q().frac()
    val outShift: Int = common - n.table().frac()
    require(unionW + divN < 120 && margW < 63 && rW < 63, "histogram fields too wide for exact sums")
    require(p.binsExp >= 1 && n.log2().frac() >= 1, "bins >= 2 and log2.frac >= 1")
    require(p.log2Lut.isEmpty || Integer.bitCount(p.log2Lut.length - 1) == 1 && log2Ceil(p.log2Lut.length - 1) <= n.log2().frac(),
      "log2 LUT of 2^k + 1 entries with k <= log2.frac")
  }

  /**
   * Cycles from `start` to `done` for a layer with `sources` sources whose β (γ order) are
   * non-zero where `nonZeroBeta` is true:
   * 4n + 3 + Σ_α (1 + [β_α ≠ 0]·(|α| = 1 ? 4n : (divN + 7)·n)), n = bins^sources,
   * divN = bits of the largest |q| (16 for the default q).
   */
  def cycles(p: GenParams, sources: Int, nonZeroBeta: Seq[Boolean]): Int =
    org.infomorph.compiler.rtl.RtlCycles.table(p.arch, sources, nonZeroBeta.toArray)
}
