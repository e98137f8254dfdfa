package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * One local-learning unit: its memories (docs/llu-rtl.md, regions 5..15), the MAC, the activation
 * unit, spike, histogram, error and gradient datapath, and the two boundary engines. It executes
 * the controller's broadcast [[UnitCtl]]; every operation mirrors the model (NeuronLayer.forward,
 * LayerBoundary.run). A unit whose slot holds no neuron (jBase + index >= neurons) computes but
 * writes nothing and counts no saturation.
 */
class LluUnit(p: GenParams, index: Int) extends Module {
  private val num = p.num
  private val actF = num.activation()
  private val ab = actF.bits()
  private val af = actF.frac()
  private val inFrac = num.input().frac()
  private val tb = num.theta().bits()
  private val sb = num.slope().bits()
  private val wBits = num.weightBits()
  private val bBits = num.biasBits()

  val io = IO(new Bundle {
    val ctl = Input(new UnitCtl(p))
    val cfg = Input(new LayerConfig(p))
    val host = Input(new HostAccess)
    /** the word of the host READ issued the cycle before, extended to 64 bits */
    val hostRdata = Output(UInt(64.W))
    /** this slot's spike and theta, valid while ctl.post */
    val spike = Output(Bool())
    val theta = Output(UInt(tb.W))
    val active = Output(Bool())
    val actDone = Output(Bool())
    val tableDone = Output(Bool())
    val updDone = Output(Bool())
    /** saturation events of this cycle (active slots only) */
    val sat = Output(Vec(SatEvents.Ids, UInt(LluUnit.SatBits.W)))
  })
  private val ctl = io.ctl
  private val cfg = io.cfg
  private val active = (ctl.jBase +& index.U) < cfg.neurons
  io.active := active

  /** One SyncReadMem with a read and a write port, driven through default-off wires. */
  private class Ram(val depth: Int, val width: Int) {
    val abits: Int = p.addrBits(depth)
    private val mem = SyncReadMem(depth, UInt(width.W))
    val rEn: Bool = WireDefault(false.B)
    val rAddr: UInt = WireDefault(0.U(abits.W))
    val wEn: Bool = WireDefault(false.B)
    val wAddr: UInt = WireDefault(0.U(abits.W))
    val wData: UInt = WireDefault(0.U(width.W))
    val rdata: UInt = mem.read(rAddr, rEn)
    when(wEn) { mem.write(wAddr, wData) }

    def fit(a: UInt): UInt = a.pad(abits)(abits - 1, 0)
    def rd(a: UInt): Unit = { rEn := true.B; rAddr := fit(a) }
    def wr(a: UInt, d: UInt): Unit = { wEn := true.B; wAddr := fit(a); wData := d.pad(width)(width - 1, 0) }
    def port(m: MemPort): Unit = {
      when(m.en && !m.we) { rd(m.addr) }
      when(m.en && m.we) { wr(m.addr, m.wdata) }
    }
  }

  private val cap = p.cap
  private val weight = new Ram(cap.weights(), wBits)
  private val mask = new Ram(cap.weights(), 1)
  private val bias = new Ram(cap.biases(), bBits)
  private val grad = new Ram(cap.grads(), p.gradBits)
  private val prng = new Ram(cap.slots(), 32)
  private val count = new Ram(cap.hist(), num.count().bits())
  private val soft = new Ram(cap.hist(), num.softSum().bits())
  private val table = new Ram(cap.hist(), num.table().bits())
  private val range = new Ram(cap.ranges(), p.rangeBits)
  private val maxAbs = new Ram(cap.ranges(), ab)
  private val pass2 = new Ram(cap.pass2(), LluUnit.pass2Bits(p))
  private val rams = Seq(Region.WEIGHT -> weight, Region.MASK -> mask, Region.BIAS -> bias, Region.GRAD -> grad,
    Region.PRNG -> prng, Region.COUNT -> count, Region.SOFTSUM -> soft, Region.TABLE -> table, Region.RANGE -> range,
    Region.MAXABS -> maxAbs, Region.PASS2 -> pass2)

  private val act = Module(new ActivationUnit(p))
  private val te = Module(new TableEngine(p))
  private val bu = Module(new BoundaryUpdate(p))

  // ---------------------------------------------------------------- RUN datapath state
  private val pMax = LluUnit.maxProductShift(p)
  private val u = RegInit(VecInit(Seq.fill(3)(0.S(ab.W))))
  private val rangeE = RegInit(VecInit(Seq.fill(3)(0.S(p.rangeBits.W))))
  private val maxOld = RegInit(VecInit(Seq.fill(3)(0.U(ab.W))))
  private val prngReg = RegInit(0.U(32.W))
  private val cellReg = RegInit(0.U(p.cellBits.W))
  private val fReg = RegInit(VecInit(Seq.fill(3)(0.S(sb.W))))
  private val thetaReg = RegInit(0.U(tb.W))
  private val errReg = RegInit(VecInit(Seq.fill(3)(0.S(num.error().bits().W))))
  private val histAddrReg = RegInit(0.U(20.W))
  private val tableReg = RegInit(0.S(num.table().bits().W))

  private val ev = Seq.fill(SatEvents.Ids)(scala.collection.mutable.ArrayBuffer[Bool]())
  private def event(id: Int, on: Bool): Unit = ev(id) += on && active

  // The unit's one multiplier, used in stage 1 of three mutually exclusive streams: MAC x·w,
  // gradient e_k·x, error table[cell]·f_k.
  private val s1 = RegNext(ctl.mac, false.B)
  private val g1 = RegNext(ctl.grad, false.B)
  private val g1K = RegNext(ctl.gradK, 0.U)
  private val err1 = RegNext(ctl.errLatch, false.B)
  private val errK1 = RegNext(ctl.errK, 0.U)
  private val mulA = Mux(err1, tableReg, ctl.x)
  private val mulB = Mux(err1, fReg(errK1), Mux(g1, errReg(g1K), weight.rdata.asSInt))
  private val product = mulA * mulB

  // MAC stage 1: memory data and the broadcast x; product (or bias) floor-shifted by the product shift
  private val s1Bias = RegNext(ctl.macBias, false.B)
  private val s1Last = RegNext(ctl.macLast, false.B)
  private val s1K = RegNext(ctl.macK, 0.U)
  private val p1 = cfg.src(s1K).productShift
  private val prod = Fixed.floorShiftDyn(product, p1, pMax)
  private val biasSh = Fixed.floorShiftDyn(bias.rdata.asSInt, p1, pMax)
  // the model sums the products in a Java int (exact by the load check); wrap like it
  private def int32(v: SInt): SInt = v.pad(32)(31, 0).asSInt
  private val s2 = RegNext(s1, false.B)
  private val s2Bias = RegNext(s1Bias, false.B)
  private val s2Last = RegNext(s1Last, false.B)
  private val s2K = RegNext(s1K, 0.U)
  private val s2Val = RegNext(Mux(s1Bias, int32(biasSh), int32(prod)), 0.S(32.W))
  // MAC stage 2: acc = (b >> p) + Σ (x w >> p)
  private val biasPart = RegInit(0.S(32.W))
  private val dot = RegInit(0.S(32.W))
  private val dotNext = Mux(s2Bias, 0.S(32.W), dot + s2Val)
  private val biasNext = Mux(s2Bias, s2Val, biasPart)
  when(s2) {
    biasPart := biasNext
    dot := dotNext
  }
  private val s3 = RegNext(s2 && s2Last, false.B)
  private val s3K = RegNext(s2K, 0.U)
  private val accFinal = RegNext(biasNext +& dotNext, 0.S(33.W))
  // MAC stage 3: u_k = saturate_activation(acc >>r (input.frac + weightFrac_k - p_k - activation.frac))
  private val (shLo, shHi) = LluUnit.uShiftRange(p)
  private val src3 = cfg.src(s3K)
  private val uShift = (src3.weightFrac +& (inFrac - af).S) -& src3.productShift.zext
  private val uWide = LluUnit.roundShiftVar(accFinal, uShift, shLo, shHi)
  private val (uSat, uEv) = Fixed.saturate(uWide, actF)
  when(s3) { u(s3K) := uSat }
  event(SatEvents.ACTIVATION, s3 && uEv)

  // side reads: range exponent and max|u| per source, PRNG state
  private val rng1 = RegNext(ctl.rngRd, false.B)
  private val rngK1 = RegNext(ctl.rngK, 0.U)
  when(rng1) {
    rangeE(rngK1) := range.rdata.asSInt
    maxOld(rngK1) := maxAbs.rdata
  }
  when(RegNext(ctl.prngRd, false.B)) { prngReg := prng.rdata }

  // activation unit
  act.io.start := ctl.actStart
  act.io.r := u(0)
  act.io.c := u(1)
  act.io.l := Mux(cfg.sources === 3.U, u(2), 0.S)
  act.io.schneider := cfg.schneider
  act.io.k := cfg.k
  act.io.withSlopes := ctl.withSlopes
  io.actDone := act.io.done

  // spike: stochastic (draw >>> (32 - theta.bits)) < theta, else theta > 2^(theta.bits - 1)
  private val draw = Fixed.xorshift32(prngReg)
  private val theta = act.io.theta
  io.spike := Mux(ctl.stochastic, (draw >> (32 - tb)) < theta, theta > (BigInt(1) << (tb - 1)).U)
  io.theta := theta

  // bins and cell (NeuronLayer.bin), row-major over the sources
  private val bins = p.bins
  // clamp((u + 2^(e+af)) >> (e + af + 1 - nb), 0, bins - 1), a left shift when negative; e + af >= 0
  // for every e in [minRangeExp, maxRangeExp] (load check), the only exponents the RTL produces
  private def bin(v: SInt, e: SInt): UInt = {
    val nb = p.binsExp
    val eaMax = p.arch.learning().maxRangeExp() + af
    val ea = (e +& af.S).asUInt(log2Ceil(eaMax + 1) - 1, 0)
    val w = v +& (1.U << ea).zext
    val s =
      if (nb <= 1) w >> ea
      else Mux(ea >= (nb - 1).U, w >> (ea - (nb - 1).U), w << ((nb - 1).U - ea)(log2Ceil(nb) - 1, 0))
    val clamped = Mux(s < 0.S, 0.U, Mux(s >= bins.S, (bins - 1).U, s.asUInt))
    clamped.pad(nb.max(1))(nb.max(1) - 1, 0)
  }
  private val b = (0 until 3).map(k => bin(u(k), rangeE(k)))
  private val cell2 = Cat(b(0), b(1))
  private val cell = Mux(cfg.sources === 3.U, Cat(cell2, b(2)), cell2)
  private def absU(v: SInt): UInt = Mux(v < 0.S, 0.S -& v, v).asUInt(ab - 1, 0)

  // gradient stream, stage 1
  private val g1Bias = RegNext(ctl.gradBias, false.B)
  private val g1Addr = RegNext(ctl.gradAddr, 0.U)
  private val e1 = errReg(g1K)
  private val gOld = grad.rdata.asSInt
  private val gSum = Mux(g1Bias, gOld +& (e1 << inFrac), gOld +& product)
  private val (gNew, gEv) = Fixed.saturate(gSum, num.gradient())
  private val gWrite = g1 && e1 =/= 0.S
  event(SatEvents.GRADIENT, gWrite && gEv)

  // histogram write-back (the cycle after histRd)
  private val cntMax = ((BigInt(1) << num.count().bits()) - 1).U
  private val cntFull = count.rdata === cntMax
  private val (softNew, softEv) = Fixed.saturate(soft.rdata.zext +& thetaReg.zext, num.softSum())
  event(SatEvents.COUNT, ctl.histWr && cntFull)
  event(SatEvents.SOFT_SUM, ctl.histWr && softEv)

  // errors e_k = saturate_error((table[cell] * f_k) >>r (table.frac + slope.frac - error.frac))
  private val eShift = num.table().frac() + num.slope().frac() - num.error().frac()
  private val (err, errEv) = Fixed.saturate(Fixed.roundShift(product, eShift), num.error())
  when(err1) { errReg(errK1) := err }
  event(SatEvents.ERROR, err1 && errEv)
  when(RegNext(ctl.histRd, false.B)) { tableReg := table.rdata.asSInt }

  when(ctl.post) {
    cellReg := cell
    fReg := act.io.f
    thetaReg := theta
  }
  when(RegNext(ctl.pass2Rd, false.B)) {
    cellReg := pass2.rdata(p.cellBits - 1, 0)
    for (k <- 0 until 3) fReg(k) := pass2.rdata(p.cellBits + (k + 1) * sb - 1, p.cellBits + k * sb).asSInt
  }
  when(ctl.histRd) { histAddrReg := ctl.histAddr + cellReg }

  // ---------------------------------------------------------------- boundary engines
  te.io.start := ctl.tableStart
  te.io.cfg := cfg
  te.io.base := ctl.histAddr.pad(p.addrBits(cap.hist()))(p.addrBits(cap.hist()) - 1, 0)
  te.io.active := active
  io.tableDone := te.io.done
  bu.io.start := ctl.updStart
  bu.io.cfg := cfg
  bu.io.slot := ctl.slot
  bu.io.active := active
  io.updDone := bu.io.done
  for ((port, ram) <- Seq(te.io.count -> count, te.io.soft -> soft, te.io.table -> table, bu.io.weight -> weight,
    bu.io.mask -> mask, bu.io.bias -> bias, bu.io.grad -> grad, bu.io.prng -> prng, bu.io.count -> count,
    bu.io.soft -> soft, bu.io.range -> range, bu.io.maxAbs -> maxAbs)) port.rdata := ram.rdata

  // ---------------------------------------------------------------- who drives the memories
  private val h = io.host
  switch(ctl.mode) {
    is(Mode.HOST.U) {
      for ((id, ram) <- rams) {
        when(h.rd && h.region === id.U) { ram.rd(h.word) }
        when(h.wr && h.region === id.U && h.unit === index.U) { ram.wr(h.word, h.wdata) }
      }
    }
    is(Mode.TABLE.U) {
      count.port(te.io.count)
      soft.port(te.io.soft)
      table.port(te.io.table)
    }
    is(Mode.UPDATE.U) {
      Seq(bu.io.weight -> weight, bu.io.mask -> mask, bu.io.bias -> bias, bu.io.grad -> grad, bu.io.prng -> prng,
        bu.io.count -> count, bu.io.soft -> soft, bu.io.range -> range, bu.io.maxAbs -> maxAbs).foreach { case (m, r) => r.port(m) }
    }
    is(Mode.RUN.U) {
      when(ctl.mac) {
        when(ctl.macBias) { bias.rd(ctl.macAddr) }.otherwise { weight.rd(ctl.macAddr) }
      }
      when(ctl.rngRd) {
        range.rd(ctl.rngAddr)
        maxAbs.rd(ctl.rngAddr)
      }
      when(ctl.prngRd) { prng.rd(ctl.prngAddr) }
      when(ctl.post && ctl.draw && active) { prng.wr(ctl.prngAddr, draw) }
      when(ctl.maxWr && active) {
        val a = absU(u(ctl.maxK))
        val m = maxOld(ctl.maxK)
        maxAbs.wr(ctl.maxAddr, Mux(a > m, a, m))
      }
      when(ctl.histRd) {
        val a = ctl.histAddr + cellReg
        count.rd(a)
        soft.rd(a)
        table.rd(a)
      }
      when(ctl.histWr && active) {
        count.wr(histAddrReg, Mux(cntFull, count.rdata, count.rdata + 1.U))
        soft.wr(histAddrReg, softNew.asUInt)
      }
      when(ctl.pass2Wr && active) { pass2.wr(ctl.pass2Addr, Cat(fReg.reverse.map(_.asUInt) :+ cellReg)) }
      when(ctl.pass2Rd) { pass2.rd(ctl.pass2Addr) }
      when(ctl.grad) { grad.rd(ctl.gradAddr) }
      when(gWrite && active) { grad.wr(g1Addr, gNew.pad(p.gradBits).asUInt) }
    }
  }

  // ---------------------------------------------------------------- host read data, extended per region
  private val region1 = RegNext(h.region, 0.U)
  private def sx(r: Ram): UInt = r.rdata.asSInt.pad(64).asUInt
  private def zx(r: Ram): UInt = r.rdata.pad(64)
  private val signed = Set(Region.WEIGHT, Region.BIAS, Region.GRAD, Region.PRNG, Region.TABLE, Region.RANGE)
  io.hostRdata := MuxLookup(region1, 0.U(64.W))(rams.map { case (id, r) => id.U -> (if (signed(id)) sx(r) else zx(r)) })

  // ---------------------------------------------------------------- saturation events
  private def engine(s: SatEvents, id: Int): UInt = Mux(active, s.n(id), 0.U)
  for (id <- 0 until SatEvents.Ids)
    io.sat(id) := PopCount(ev(id).toSeq :+ false.B) +& engine(act.io.sat, id) +& engine(te.io.sat, id) +& engine(bu.io.sat, id)
}

object LluUnit {
  val SatBits = 8

  /**
   * `a >>r s` (HALF_UP, docs/llu-rule.md) for a run-time s in [lo, hi], s <= 0 a left shift: one
   * adder and two barrel shifters (Fixed.roundShiftDyn muxes one adder per shift). Shifts outside
   * [lo, hi] are not defined; the host checks ranges before loading.
   */
  def roundShiftVar(a: SInt, s: SInt, lo: Int, hi: Int): SInt = {
    val right: SInt =
      if (hi <= 0) a
      else {
        val r = s.asUInt(log2Ceil(hi + 1) - 1, 0)
        val half = ((1.U << r) >> 1).zext
        (a +& half) >> r
      }
    val left: SInt = if (lo >= 0) a else a << (0.S -& s).asUInt(log2Ceil(-lo + 1) - 1, 0)
    Mux(s > 0.S, right, left)
  }

  /** Bits of a broadcast input: the input field, or ±1.0 (spikes, one-hot labels) if wider. */
  def xBits(p: GenParams): Int = math.max(p.num.input().bits(), p.num.input().frac() + 2)

  /** cell + 3 slopes (docs/llu-rtl.md, PASS2). */
  def pass2Bits(p: GenParams): Int = p.cellBits + 3 * p.num.slope().bits()

  /** The largest product shift of any fan-in a region can address. */
  def maxProductShift(p: GenParams): Int = p.num.productShift(1 << 20)

  /** The range of the shift input.frac + weightFrac - p - activation.frac (weightFrac in 0..30 - input.frac, ImageChecks). */
  def uShiftRange(p: GenParams): (Int, Int) = {
    val in = p.num.input().frac()
    val af = p.num.activation().frac()
    (in - maxProductShift(p) - af, 30 - af)
  }
}
