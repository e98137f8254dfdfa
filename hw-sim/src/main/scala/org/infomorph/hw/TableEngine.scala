package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.{BinRange, Counter, LatticeTables}
import org.infomorph.compiler.rtl.RtlContract._

/**
 * The batch boundary of one neuron (docs/llu-rule.md sections 3, 5 and 7), bit for bit the model's
 * CoefficientTable.compute, then the histogram cleared and the range exponents updated (as
 * SampleUpdate.boundary). One neuron at a time, one operation at a time: a single 16x16
 * multiplier (log2 interpolation; beta l and beta/ln2 (R1 - R0) in two passes each), one
 * bit-serial divider (Q for output 0, then 1), the marginals in scratch memories. The log2 unit
 * and the divider are modules of their own (TableUnits.scala), tested against the model's
 * functions.
 *
 * Phases per neuron: LOAD (masses, marginals per source subset, acc := 0), BOTTOM
 * (gamma_bottom l(P1, P0)), per antichain with beta != 0: UNION (V, beta l into acc; for |alpha| >= 2
 * Q and its marginals) and RSUM (|alpha| >= 2: beta/ln2 (R1 - R0) into acc), FIN (the table,
 * the histogram cleared), RANGES.
 */
class TableEngine(p: GenParams) extends Module {
  private val num = p.num
  val io = IO(new Bundle {
    val start = Input(Bool())
    val neuron = Input(UInt(Controller.neuronBits(p).W))
    val cfg = Input(new EngineCfg(p))
    val done = Output(Bool())
    val cfgRen = Output(Bool())
    val cfgAddr = Output(UInt(Memories.abits(p.cap.configWords()).W))
    val cfgData = Input(UInt(32.W))
    val hist = Output(new RamPort(p.cap.histWords(), NeuronEngine.histBits(p)))
    val histRdata = Input(UInt(NeuronEngine.histBits(p).W))
    val table = Output(new RamPort(p.cap.histWords(), num.table().bits()))
    val tableRdata = Input(UInt(num.table().bits().W))
    val ranges = Output(new RamPort(p.cap.rangeWords(), NeuronEngine.rangeBits(p)))
    val rangesRdata = Input(UInt(NeuronEngine.rangeBits(p).W))
    val events = Output(Vec(Counter.values().length, UInt(2.W)))
  })
  for (port <- Seq(io.hist, io.table, io.ranges)) {
    port.ren := false.B; port.raddr := 0.U; port.wen := false.B; port.waddr := 0.U; port.wdata := 0.U
  }
  io.cfgRen := false.B
  io.cfgAddr := 0.U
  io.events.foreach(_ := 0.U)
  io.done := false.B

  private val g = org.infomorph.compiler.rtl.TableGeometry.of(p.arch, p.maxSources)
  private val massW = g.massW()
  private val margW = g.margW()
  private val unionW = g.unionW()
  private val qW = g.qW()
  private val qMargW = g.qMargW()
  private val rW = g.rW()
  private val divN = g.divN()
  private val ellW = g.ellW()
  private val logShift = g.logShift()
  private val rShift = g.rShift()
  private val outShift = g.outShift()
  require(ellW <= 31 && rW + 1 <= 31, "log ratios and R differences must fit two 16-bit multiplier passes")

  // ---------------------------------------------------------------- static tables: masks, union terms per antichain
  private val masks2 = Seq(0, 1, 2)
  private val masks3 = Seq(0, 1, 2, 3, 4, 5, 6)
  /** first word of mask m's marginal in the scratch memories (mask 0 = the totals, one row) */
  private val off2 = g.offsets(2, p.binsExp).toSeq
  private val off3 = if (p.maxSources == 3) g.offsets(3, p.binsExp).toSeq else off2
  private val margDepth = g.marginalWords(p.binsExp)
  private def terms(l: LatticeTables): Seq[Seq[(Int, Int)]] = (0 until l.size()).map(a => l.masks()(a).toSeq.zip(l.coefs()(a).toSeq))
  private val terms2 = terms(p.lattice2)
  private val terms3 = if (p.maxSources == 3) terms(p.lattice3) else Seq()
  private def flatTerms(ts: Seq[Seq[(Int, Int)]]) = ts.flatten
  private val allTerms = flatTerms(terms2) ++ flatTerms(terms3)
  private val termStart2 = terms2.scanLeft(0)(_ + _.size)
  private val termStart3 = if (terms3.isEmpty) termStart2 else terms3.scanLeft(flatTerms(terms2).size)(_ + _.size)
  private val termMask = VecInit(allTerms.map(_._1.U(3.W)))
  private val termCoef = VecInit(allTerms.map(_._2.S(4.W)))
  private val nAnti2 = p.lattice2.size()
  private val nAnti3 = if (p.maxSources == 3) p.lattice3.size() else nAnti2
  private val big2 = (0 until nAnti2).map(a => p.lattice2.sizes()(a) >= 2)
  private val big3 = if (p.maxSources == 3) (0 until nAnti3).map(a => p.lattice3.sizes()(a) >= 2) else big2

  // ---------------------------------------------------------------- scratch memories
  private val marg = new Ram1R1W(margDepth, 2 * margW, p.style("tmarg"))
  private val qmarg = new Ram1R1W(margDepth, 2 * qMargW, p.style("tqmarg"))
  private val qcell = new Ram1R1W(p.maxCells, 2 * qW, p.style("tqcell"))
  private val accMem = new Ram1R1W(p.maxCells, 32, p.style("tacc"))

  // ---------------------------------------------------------------- state
  private object S extends ChiselEnum {
    val idle, lHist, lMask, lMaskW, bRead, bLatch, bLog, bMul, aBeta, aBetaR, uHist, uTerm, uTermAdd, uLog, uMul, uAcc, uAccW, uDiv, uDivNext, uQ, uQW,
      rCell, rTerm, rTermAdd, rMul, rAcc, rAccW, fAcc, fWrite, gRead, gWrite, done = Value
  }
  private val state = RegInit(S.idle)
  private val s3 = RegInit(false.B)
  private val j = RegInit(0.U(Controller.neuronBits(p).W))
  private val base = RegInit(0.U(Memories.abits(p.cap.histWords()).W))
  private val c = RegInit(0.U(log2Ceil(p.maxCells + 1).W))
  private val mi = RegInit(0.U(3.W))
  private val a = RegInit(0.U(5.W))
  private val ti = RegInit(0.U(log2Ceil(allTerms.size + 1).W))
  private val k = RegInit(0.U(2.W))
  private val m = RegInit(VecInit(Seq.fill(2)(0.S(massW.W))))
  private val v = RegInit(VecInit(Seq.fill(2)(0.S(unionW.W))))
  private val r = RegInit(VecInit(Seq.fill(2)(0.S(rW.W))))
  private val q = RegInit(VecInit(Seq.fill(2)(0.S(qW.W))))
  private val beta = RegInit(0.S(16.W))
  private val betaR = RegInit(0.S(16.W))
  private val ell = RegInit(0.S(ellW.W))
  private val termBits = 40
  private val term = RegInit(0.S(termBits.W))
  /** minus gamma_bottom l: FIN adds it, so the accumulator has one adder */
  private val negBottom = RegInit(0.S((termBits + 1).W))
  private val step = RegInit(0.U(6.W))
  private val nb = p.binsExp
  private val lastCell = Mux(s3, (p.bins * p.bins * p.bins - 1).U, (p.bins * p.bins - 1).U)
  private val lastMask = Mux(s3, 6.U, 2.U)
  private val lastAnti = Mux(s3, (nAnti3 - 1).U, (nAnti2 - 1).U)
  private val isBig = Mux(s3, VecInit(big3.map(_.B))(a), VecInit(big2.map(_.B))(a))
  private val termEnd = Mux(s3, VecInit(termStart3.tail.map(_.U))(a), VecInit(termStart2.tail.map(_.U))(a))
  private val termBegin = Mux(s3, VecInit(termStart3.init.map(_.U))(a), VecInit(termStart2.init.map(_.U))(a))
  private val full = Mux(s3, 7.U, 3.U)

  // cell digits (source 1 most significant) and the row of mask `mk` (SourceCells.row)
  private val cw = c.pad(3 * nb)
  private val d0 = Mux(s3, cw(3 * nb - 1, 2 * nb), cw(2 * nb - 1, nb))
  private val d1 = Mux(s3, cw(2 * nb - 1, nb), cw(nb - 1, 0))
  private val d2 = Mux(s3, cw(nb - 1, 0), 0.U(nb.W))
  private def rowOf(mk: UInt): UInt = {
    val rows = (0 until 7).map { mm =>
      val ds = Seq(d0, d1, d2).zipWithIndex.filter { case (_, i) => (mm >> i & 1) == 1 }.map(_._1)
      if (ds.isEmpty) 0.U else Cat(ds)
    }
    VecInit(rows.map(_.pad(3 * nb)))(mk)
  }
  /** the first cell of its row in ascending order: every digit outside the mask is 0 */
  private def firstOf(mk: UInt): Bool = {
    val fs = (0 until 7).map(mm => Seq(d0, d1, d2).zipWithIndex.filter { case (_, i) => (mm >> i & 1) == 0 }.map(_._1 === 0.U).foldLeft(true.B)(_ && _))
    VecInit(fs)(mk)
  }
  private def offOf(mk: UInt): UInt = Mux(s3, VecInit(off3.map(_.U))(mk), VecInit(off2.map(_.U))(mk))
  private val curMask = termMask(ti)
  private val curCoef = termCoef(ti)
  /** The coefficient magnitudes the lattices use (2 sources: 1 only). */
  private val coefMags = allTerms.map(_._2.abs).filter(_ != 0).distinct
  require(coefMags.forall(m => Seq(1, 2, 3, 4).contains(m)), s"lattice coefficients beyond -4..4: $coefMags")
  /**
   * acc + coef x for a lattice coefficient: x's multiple (a shift, or x + 2x for 3, built only
   * when a lattice uses it), then one add or subtract (the subtract as an add of the complement
   * with a carry in).
   */
  private def plusTimes(acc: SInt, cf: SInt, x: SInt): SInt = {
    val neg = cf < 0.S
    val mag = Mux(neg, 0.S -& cf, cf).asUInt
    val w = x.getWidth + 2
    val multiple = MuxLookup(mag, 0.S(w.W))(coefMags.map(m => m.U -> (m match {
      case 1 => x.pad(w)
      case 2 => (x << 1).pad(w)
      case 3 => (x +& (x << 1)).pad(w)
      case _ => (x << 2).pad(w)
    })))
    acc +& (multiple.asUInt ^ Fill(w, neg)).asSInt +& neg.asUInt.zext
  }

  // ---------------------------------------------------------------- the multiplier (16 x 16, registered)
  private val mA = WireDefault(0.S(16.W))
  private val mB = WireDefault(0.S(16.W))
  private val prod = Mul16(mA, mB)
  private val prodLo = RegInit(0.S(33.W))

  // ---------------------------------------------------------------- log2 (Log2Unit.of) on the shared multiplier
  private val lf = num.log2().frac()
  private val log2 = Module(new TableLog2(unionW - 1, lf, p.log2Lut, p.style("log2")))
  log2.io.start := false.B
  log2.io.x := 0.U
  log2.io.prod := prod
  private val logL = RegInit(VecInit(Seq.fill(2)(0.S(ellW.W))))

  // ---------------------------------------------------------------- the divider: Q = floorDiv(m << q.frac, V), 0 when m = 0, saturated to q
  // one divider, for output 0 then 1 (half): a second one cost ~300 iCE40 LUTs for divN + 1 cycles per cell
  private val div = Module(new TableDivider(massW, unionW, num.q().frac(), divN, num.q(), qW))
  div.io.load := false.B
  div.io.m := 0.S
  div.io.v := 0.S
  div.io.step := false.B
  private val half = RegInit(0.U(1.W))
  private val qSat0 = RegInit(false.B)
  private def loadDiv(i: Int): Unit = {
    div.io.load := true.B
    div.io.m := m(i)
    div.io.v := v(i)
  }

  // ---------------------------------------------------------------- accumulator: one saturating 32-bit add (UNION, RSUM: the term; FIN: minus the bottom)
  private val accIn = accMem.rdata.asSInt
  private val (accSum, accEvent) =
    Fixed.saturate(accIn +& Mux(state === S.fWrite, negBottom, term.pad(termBits + 1)), BigInt(Int.MinValue), BigInt(Int.MaxValue), 32)

  private def nextCell(onLast: => Unit, again: S.Type): Unit = {
    when(c === lastCell) { c := 0.U; onLast }.otherwise { c := c + 1.U; state := again }
  }
  private def betaWord(off: Int): UInt = ((io.cfg.layer +& 1.U) << log2Ceil(LAYER_STRIDE)) + off.U + a
  private val rangeAddr = io.cfg.rangeBase + Mux(s3, (j << 1) +& j, j << 1) + k
  private val tf = num.theta().frac()

  private def nextAnti(): Unit = {
    when(a === lastAnti) {
      c := 0.U
      state := S.fAcc
    }.otherwise {
      a := a + 1.U
      state := S.aBeta
    }
  }

  /** log2 ratio of v(1), v(0) in 6 steps (two logs, each: normalise + table read, product, sum); 0 when either is <= 0 */
  private def logStep(next: S.Type): Unit = {
    step := step + 1.U
    val which = Mux(step < 3.U, 1.U, 0.U)
    val x = v(which)
    switch(step) {
      is(0.U, 3.U) {
        log2.io.start := true.B
        log2.io.x := x.asUInt(unionW - 2, 0)
      }
      is(1.U, 4.U) {
        mA := log2.io.mulA
        mB := log2.io.mulB
      }
      is(2.U, 5.U) { logL(which) := log2.value.pad(ellW) }
    }
    when(step === 5.U) {
      ell := Mux(v(1) > 0.S && v(0) > 0.S, logL(1) -& log2.value, 0.S)
      step := 0.U
      state := next
    }
  }

  /** x * b exactly in two products (x = hi 2^15 + lo) over 3 cycles, then `then`; the product is `mulFull` */
  private val mulFull = Wire(SInt(48.W))
  mulFull := ((prod << 15) +& prodLo).pad(48)
  private def mulStep(x: SInt, b: SInt)(then: => Unit): Unit = {
    step := step + 1.U
    switch(step) {
      is(0.U) { mA := b; mB := x.pad(15)(14, 0).zext }
      is(1.U) {
        prodLo := prod
        mA := b; mB := (x >> 15).pad(16)(15, 0).asSInt
      }
      is(2.U) {
        step := 0.U
        then
      }
    }
  }

  switch(state) {
    is(S.idle) {
      when(io.start) {
        s3 := io.cfg.sources === 3.U
        j := io.neuron
        base := io.cfg.histBase + (io.neuron << io.cfg.cellsLog2)
        c := 0.U
        mi := 0.U
        state := S.lHist
      }
    }
    // ---- LOAD: masses of cell c into every marginal (the first cell of a row writes), acc := 0
    is(S.lHist) {
      io.hist.ren := true.B; io.hist.raddr := base + c
      mi := 0.U
      state := S.lMask
    }
    is(S.lMask) {
      when(mi === 0.U) {
        val cnt = io.histRdata(num.count().bits() - 1, 0)
        val soft = io.histRdata(NeuronEngine.histBits(p) - 1, num.count().bits())
        m(1) := soft.zext
        m(0) := (cnt << tf).zext -& soft.zext
        accMem.write(c, 0.U)
      }
      marg.read(offOf(mi) + rowOf(mi))
      state := S.lMaskW
    }
    is(S.lMaskW) {
      val old = marg.rdata
      val fresh = firstOf(mi)
      val sum = (0 until 2).map(i => Mux(fresh, m(i), old((i + 1) * margW - 1, i * margW).asSInt +& m(i)).asUInt.pad(margW)(margW - 1, 0))
      marg.write(offOf(mi) + rowOf(mi), Cat(sum(1), sum(0)))
      when(mi === lastMask) { nextCell({ state := S.bRead }, S.lHist) }.otherwise {
        mi := mi + 1.U
        state := S.lMask
      }
    }
    // ---- BOTTOM: gamma_bottom l(P(1), P(0)) from the totals
    is(S.bRead) {
      marg.read(0.U)
      io.cfgRen := true.B; io.cfgAddr := ((io.cfg.layer +& 1.U) << log2Ceil(LAYER_STRIDE)) + L_GAMMA_BOTTOM.U
      state := S.bLatch
    }
    is(S.bLatch) {
      beta := io.cfgData(15, 0).asSInt
      for (i <- 0 until 2) v(i) := marg.rdata((i + 1) * margW - 1, i * margW).asSInt
      step := 0.U
      state := S.bLog
    }
    is(S.bLog) { logStep(S.bMul) }
    is(S.bMul) {
      mulStep(ell, beta) {
        negBottom := 0.S -& Fixed.roundShift(mulFull, logShift).pad(termBits)(termBits - 1, 0).asSInt // as wide as term
        a := 0.U
        state := S.aBeta
      }
    }
    // ---- per antichain: beta, beta/ln 2
    is(S.aBeta) {
      io.cfgRen := true.B; io.cfgAddr := betaWord(L_BETA)
      state := S.aBetaR
    }
    is(S.aBetaR) {
      beta := io.cfgData(15, 0).asSInt
      io.cfgRen := true.B; io.cfgAddr := betaWord(L_BETA_R)
      c := 0.U
      state := Mux(io.cfgData(15, 0) === 0.U, S.aBeta, S.uHist)
      when(io.cfgData(15, 0) === 0.U) { nextAnti() }
    }
    // ---- UNION: V_alpha(c, v), beta l into acc; Q and its marginals for |alpha| >= 2
    is(S.uHist) {
      when(c === 0.U) { betaR := io.cfgData(15, 0).asSInt }
      io.hist.ren := true.B; io.hist.raddr := base + c
      ti := termBegin
      state := S.uTerm
    }
    is(S.uTerm) {
      when(ti === termBegin) {
        val cnt = io.histRdata(num.count().bits() - 1, 0)
        val soft = io.histRdata(NeuronEngine.histBits(p) - 1, num.count().bits())
        m(1) := soft.zext
        m(0) := (cnt << tf).zext -& soft.zext
        v(0) := 0.S
        v(1) := 0.S
      }
      marg.read(offOf(curMask) + rowOf(curMask))
      state := S.uTermAdd
    }
    is(S.uTermAdd) {
      val isCell = curMask === full
      for (i <- 0 until 2) {
        val x = Mux(isCell, m(i), marg.rdata((i + 1) * margW - 1, i * margW).asSInt)
        v(i) := plusTimes(v(i), curCoef, x)
      }
      when(ti === termEnd - 1.U) {
        step := 0.U
        state := S.uLog
      }.otherwise {
        ti := ti + 1.U
        state := S.uTerm
      }
    }
    is(S.uLog) { logStep(S.uMul) }
    is(S.uMul) {
      mulStep(ell, beta) {
        term := Fixed.roundShift(mulFull, logShift)
        state := S.uAcc
      }
    }
    is(S.uAcc) {
      accMem.read(c)
      state := S.uAccW
    }
    is(S.uAccW) {
      accMem.write(c, accSum.asUInt)
      io.events(Counter.TABLE.id()) := accEvent
      when(isBig) {
        loadDiv(0)
        half := 0.U
        step := 0.U
        state := S.uDiv
      }.otherwise { nextCell(nextAnti(), S.uHist) }
    }
    is(S.uDiv) {
      div.io.step := true.B
      step := step + 1.U
      when(step === (divN - 1).U) {
        step := 0.U
        mi := 0.U
        state := Mux(half === 0.U, S.uDivNext, S.uQ)
      }
    }
    is(S.uDivNext) {
      q(0) := div.io.q
      qSat0 := div.io.sat
      loadDiv(1)
      half := 1.U
      state := S.uDiv
    }
    is(S.uQ) {
      when(mi === 0.U) {
        q(1) := div.io.q
        qcell.write(c, Cat(div.io.q.asUInt, q(0).asUInt))
        io.events(Counter.Q.id()) := qSat0.asUInt +& div.io.sat.asUInt
      }
      qmarg.read(offOf(mi) + rowOf(mi))
      state := S.uQW
    }
    is(S.uQW) {
      val old = qmarg.rdata
      val fresh = firstOf(mi)
      val sum = (0 until 2).map(i => Mux(fresh, q(i), old((i + 1) * qMargW - 1, i * qMargW).asSInt +& q(i)).asUInt.pad(qMargW)(qMargW - 1, 0))
      qmarg.write(offOf(mi) + rowOf(mi), Cat(sum(1), sum(0)))
      when(mi === lastMask) { nextCell({ c := 0.U; state := S.rCell }, S.uHist) }.otherwise {
        mi := mi + 1.U
        state := S.uQ
      }
    }
    // ---- RSUM: R_alpha(c, v) from the Q marginals, beta/ln 2 (R1 - R0) into acc
    is(S.rCell) {
      qcell.read(c)
      ti := termBegin
      r(0) := 0.S
      r(1) := 0.S
      state := S.rTerm
    }
    is(S.rTerm) {
      when(ti === termBegin) { for (i <- 0 until 2) q(i) := qcell.rdata((i + 1) * qW - 1, i * qW).asSInt }
      qmarg.read(offOf(curMask) + rowOf(curMask))
      state := S.rTermAdd
    }
    is(S.rTermAdd) {
      val isCell = curMask === full
      for (i <- 0 until 2) {
        val x = Mux(isCell, q(i).pad(qMargW), qmarg.rdata((i + 1) * qMargW - 1, i * qMargW).asSInt)
        r(i) := plusTimes(r(i), curCoef, x)
      }
      when(ti === termEnd - 1.U) {
        step := 0.U
        state := S.rMul
      }.otherwise {
        ti := ti + 1.U
        state := S.rTerm
      }
    }
    is(S.rMul) {
      mulStep((r(1) -& r(0)).pad(ellW max rW + 1), betaR) {
        term := Fixed.roundShift(mulFull, rShift)
        state := S.rAcc
      }
    }
    is(S.rAcc) {
      accMem.read(c)
      state := S.rAccW
    }
    is(S.rAccW) {
      accMem.write(c, accSum.asUInt)
      io.events(Counter.TABLE.id()) := accEvent
      nextCell(nextAnti(), S.rCell)
    }
    // ---- FIN: the table and a cleared histogram
    is(S.fAcc) {
      accMem.read(c)
      state := S.fWrite
    }
    is(S.fWrite) {
      val (tv, e2) = Fixed.saturate(Fixed.roundShift(accSum, outShift), num.table())
      io.table.wen := true.B; io.table.waddr := base + c; io.table.wdata := tv.asUInt
      io.hist.wen := true.B; io.hist.waddr := base + c; io.hist.wdata := 0.U
      io.events(Counter.TABLE.id()) := accEvent.asUInt +& e2.asUInt
      nextCell({ k := 0.U; state := S.gRead }, S.fAcc)
    }
    // ---- RANGES: e = clamp(ceil(log2 max|u|) - activation.frac), max|u| := 0
    is(S.gRead) {
      io.ranges.ren := true.B; io.ranges.raddr := rangeAddr
      state := S.gWrite
    }
    is(S.gWrite) {
      val rs = p.arch.learning().ranges()
      val mx = io.rangesRdata(NeuronEngine.rangeBits(p) - 1, p.rangeBits)
      def exp(r: BinRange): SInt = Fixed.rangeExp(mx, num.activation().frac(), r.minExp(), r.maxExp())
      val e = Mux(s3, exp(rs.threeSources()), exp(rs.twoSources()))
      io.ranges.wen := true.B; io.ranges.waddr := rangeAddr; io.ranges.wdata := e.pad(p.rangeBits).asUInt(p.rangeBits - 1, 0)
      when(k === io.cfg.sources - 1.U) { state := S.done }.otherwise {
        k := k + 1.U
        state := S.gRead
      }
    }
    is(S.done) {
      io.done := true.B
      state := S.idle
    }
  }
}
