package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.{Counter, Field, LayerConstants, NeuronProgram}
import org.infomorph.compiler.arch.NeuronProgram.{Format, Operand, Reg}
import org.infomorph.compiler.rtl.{EngineRegisters, EngineUops}
import org.infomorph.compiler.rtl.EngineUops.Kind
import scala.jdk.CollectionConverters._

/** What the engine needs of the running entry and its layer (latched by the controller at the entry's start). */
class EngineCfg(p: GenParams) extends Bundle {
  val schneider = Bool()
  val learnLast = Bool()
  val output = Bool()
  val stochastic = Bool()
  val sources = UInt(2.W)
  val k = Vec(7, SInt(p.num.coefficient().bits().W))
  val fixed = Vec(3, Bool())
  val uShift = Vec(3, SInt(8.W))
  val layer = UInt(Controller.layerBits(p).W)
  val bank = UInt(1.W)
  val outBase = UInt(Memories.abits(p.cap.out()).W)
  val histBase = UInt(Memories.abits(p.cap.histWords()).W)
  val rangeBase = UInt(Memories.abits(p.cap.rangeWords()).W)
  val cellsLog2 = UInt(4.W)
  /** neuron of lane 0 in this slot (t P) */
  val jBase = UInt(Controller.neuronBits(p).W)
}

/**
 * The neuron engine (docs/llu-rtl.md, "Neuron engine"): one multiplier and one rounding and
 * saturating post stage, shared by all lanes. It turns each lane's accumulators into u (the
 * drain), then runs each lane's work ([[EngineUops]], built from the layer's [[NeuronProgram]]):
 * activation, theta, spike; on a learning last step the slopes, bins, histogram and errors. Its
 * results go to SPIKES and OUT, the histogram and range memories, and the error buffer the lanes
 * read. Every operation takes a fixed number of cycles.
 */
class NeuronEngine(p: GenParams) extends Module {
  private val num = p.num
  private val nLanes = p.units
  private val laneBits = log2Ceil(nLanes max 2)
  val io = IO(new Bundle {
    val cfg = Input(new EngineCfg(p))
    // the drain: source k's accumulator of lane `drainLane` this cycle -> u buffer (2 cycles later)
    val drain = Input(Bool())
    val drainLane = Input(UInt(laneBits.W))
    val drainK = Input(UInt(2.W))
    val acc = Input(Vec(nLanes, SInt(p.num.accumulatorBits().W)))
    // one lane's work
    val start = Input(Bool())
    val lane = Input(UInt(laneBits.W))
    val done = Output(Bool())
    val draws = Input(Vec(nLanes, UInt(p.thetaBits.W)))
    val active = Input(Vec(nLanes, Bool()))
    /** RUN commands before this one (fault injection) */
    val runIndex = Input(UInt(32.W))
    // the lanes' error loads: read the error buffer word of (lane, k)
    val eRead = Input(Bool())
    val eAddr = Input(UInt((laneBits + 2).W))
    val eData = Output(SInt(num.error().bits().W))
    // results
    val spkWr = Output(Bool())
    val spkAddr = Output(UInt(Controller.spikeAddrBits(p).W))
    val spkData = Output(Bool())
    val outWr = Output(Bool())
    val outAddr = Output(UInt(Memories.abits(p.cap.out()).W))
    val outData = Output(UInt(Controller.outBits(p).W))
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
  io.spkWr := false.B; io.spkAddr := 0.U; io.spkData := false.B
  io.outWr := false.B; io.outAddr := 0.U; io.outData := 0.U
  private val ev = Seq.fill(Counter.values().length)(scala.collection.mutable.ArrayBuffer[Bool]())
  private def event(c: Counter, on: Bool): Unit = ev(c.id()) += on

  // ---------------------------------------------------------------- the uop lists: 4 programs, one ROM
  private val lists: Seq[(Boolean, Boolean, Seq[EngineUops.Uop])] =
    for (prog <- p.programs; learn <- (if (p.learning) Seq(false, true) else Seq(false)))
      yield (prog.kind() == LayerConstants.Kind.SCHNEIDER, learn, EngineUops.of(prog, learn).asScala.toSeq)
  private val flat = lists.flatMap(_._3)
  private val starts = lists.scanLeft(0)(_ + _._3.size)
  // the program's logical registers share physical ones where their live ranges allow (EngineRegisters)
  private val regMap = EngineRegisters.allocate(lists.map(_._3.asJava).asJava)
  private val flatRegs: Seq[Int => Int] = lists.indices.flatMap(i => Seq.fill(lists(i)._3.size)((r: Int) => regMap.maps().get(i)(r)))
  private val physUops = flat.zip(flatRegs)
  private val operandsA = NeuronEngine.operands(physUops, a = true)
  private val operandsB = NeuronEngine.operands(physUops, a = false)
  private val shifts = flat.flatMap(u => Option(u.step()).map(_.shift())).distinct
  private val formats = Format.values().toSeq
  private val rom = VecInit(physUops.map { case (u, reg) => NeuronEngine.encode(u, reg, operandsA, operandsB, formats) })
  private val nRegs = regMap.count()
  private def pinned(r: Reg): Int = EngineRegisters.PINNED.indexOf(r)

  // ---------------------------------------------------------------- state
  private val busy = RegInit(false.B)
  private val pc = RegInit(0.U(log2Ceil(flat.size + 1).W))
  private val end = RegInit(0.U(log2Ceil(flat.size + 1).W))
  private val sub = RegInit(0.U(3.W))
  private val lane = RegInit(0.U(laneBits.W))
  private val regs = RegInit(VecInit(Seq.fill(nRegs)(0.S(17.W))))
  private val lutSat = RegInit(false.B)
  private val rangeE = RegInit(VecInit(Seq.fill(3)(0.S(p.rangeBits.W))))
  private val maxOld = RegInit(VecInit(Seq.fill(3)(0.U(num.activation().bits().W))))
  private val bin = RegInit(VecInit(Seq.fill(3)(0.U(p.binsExp.W))))
  private val histAddr = RegInit(0.U(Memories.abits(p.cap.histWords()).W))
  private val histNew = RegInit(0.U(NeuronEngine.histBits(p).W))
  private val histEv = RegInit(VecInit(false.B, false.B))
  private val u = rom(pc)
  // One write port: a uop writes at most one register a cycle, so the data is selected once and each
  // register is a flip-flop with an enable (a multiplexer per register bit cost 437 more iCE40 LUTs in the smoke array).
  private val regWen = WireDefault(false.B)
  private val regWdst = WireDefault(0.U(5.W))
  private val regWdata = WireDefault(0.S(17.W))
  private def writeReg(dst: UInt, v: SInt): Unit = { regWen := true.B; regWdst := dst; regWdata := v }
  for (i <- 0 until nRegs) when(regWen && regWdst === i.U) { regs(i) := regWdata }
  private val active = io.active(lane)
  private val uReg = VecInit((0 until 3).map(k => regs(pinned(EngineRegisters.loadTarget(k)))))
  private val j = io.cfg.jBase +& lane

  when(io.start) {
    val sel = (lists.indices zip lists).map { case (i, (sch, learn, _)) => (io.cfg.schneider === sch.B && io.cfg.learnLast === learn.B) -> i }
    val idx = Mux1H(sel.map(_._1), sel.map(s => s._2.U))
    busy := true.B
    pc := VecInit(starts.init.map(_.U))(idx)
    end := VecInit(starts.tail.map(_.U))(idx)
    sub := 0.U
    lane := io.lane
    lutSat := false.B
  }
  private val lastSub = sub === u.lastSub
  io.done := busy && lastSub && pc === end - 1.U
  when(busy) {
    sub := Mux(lastSub, 0.U, sub + 1.U)
    when(lastSub) {
      pc := pc + 1.U
      when(pc === end - 1.U) { busy := false.B }
    }
  }

  // ---------------------------------------------------------------- the multiplier and the post stage
  private val one = (BigInt(1) << num.theta().frac()).S
  // An operand is a register, 1 - a register, a constant k or an immediate 2^n: the register is
  // selected once and 1 - r is one subtractor after the selection, not one per operand.
  private def value(ops: Seq[(Int, Int)], sel: UInt): SInt = {
    val sources = Operand.Source.values()
    def isSrc(s: Operand.Source)(o: (Int, Int)): Boolean = o._1 < sources.length && sources(o._1) == s
    val withIdx = ops.zipWithIndex
    val reg = MuxLookup(sel, 0.S(17.W))(withIdx.collect {
      case (o, i) if isSrc(Operand.Source.REG)(o) || isSrc(Operand.Source.ONE_MINUS)(o) => i.U -> regs(o._2)
    })
    val other = MuxLookup(sel, 0.S(17.W))(withIdx.collect {
      case (o, i) if isSrc(Operand.Source.CONST)(o) => i.U -> io.cfg.k(o._2).pad(17)
      case ((src, idx), i) if src >= sources.length => i.U -> (BigInt(1) << idx).S(17.W) // IMM: 2^idx
    })
    def any(f: ((Int, Int)) => Boolean): Bool = {
      val is = withIdx.filter(x => f(x._1)).map(_._2)
      if (is.isEmpty) false.B else is.map(sel === _.U).reduce(_ || _)
    }
    Mux(any(isSrc(Operand.Source.REG)), reg, Mux(any(isSrc(Operand.Source.ONE_MINUS)), (one -& reg)(16, 0).asSInt, other))
  }
  private val opA = value(operandsA, u.opA(sub))
  private val opB = value(operandsB, u.opB(sub))
  private val product = Mul16(opA, opB)
  private val accR = RegInit(0.S(NeuronEngine.SumBits.W))
  when(busy && sub >= 1.U && sub <= u.nProd) { accR := Mux(sub === 1.U, product, accR + product) }

  // the drain: stage 1 selects the accumulator, stages 2-3 are the post stage, then the u buffer
  private val d1 = RegNext(io.drain, false.B)
  private val d1Lane = RegNext(io.drainLane, 0.U)
  private val d1K = RegNext(io.drainK, 0.U)
  private val d1Acc = RegInit(0.S(p.num.accumulatorBits().W))
  d1Acc := io.acc(io.drainLane)
  private val postW = NeuronEngine.SumBits max p.num.accumulatorBits()
  private val postIn = Mux(d1, d1Acc.pad(postW), accR.pad(postW))
  private val (lo, hi) = NeuronEngine.shiftRange(p, shifts)
  // The shift amounts are looked up a cycle early (a uop's pc is stable for its whole post stage; the
  // drain's k is known the cycle before d1), so the shifter starts from registers. They are
  // precomputed: the program's as constants, the drain's from the layer's (stable) u shifts, so the
  // drain's path from the controller ends in a multiplexer.
  private val staticShift = flat.map(x => Option(x.step()).map(_.shift()).getOrElse(0))
  private val postAmount = RegNext(Mux(io.drain, VecInit(io.cfg.uShift.map(Fixed.preShiftAmount(_, lo, hi)))(io.drainK),
    VecInit(staticShift.map(Fixed.preShiftAmount(_, lo, hi)))(pc))) // Mux(d1, ...) a cycle early
  private val postRight = RegNext(Mux(io.drain, VecInit(io.cfg.uShift.map(_ > 0.S))(io.drainK), VecInit(staticShift.map(s => (s > 0).B))(pc)))
  private val postFmt = Mux(d1, Format.ACTIVATION.ordinal().U, u.fmt)
  // two stages: the barrel shift; then the rounding carry and the saturation (the iCE40's critical path was all in one)
  private val preShifted = chisel3.Reg(SInt((postW + (0 max -lo)).W))
  preShifted := Fixed.preRoundShiftBy(postIn, postAmount, lo, hi)
  private val preRight = RegNext(postRight)
  private val shiftedFmt = RegNext(postFmt, 0.U)
  private val (postValue, postEvent) = Fixed.roundSaturateSel(preShifted, preRight, shiftedFmt,
    formats.flatMap(f => Option(f.field(num)).map(f.ordinal() -> _)), 17)
  private val post = RegNext(postValue, 0.S)
  private val postSat = RegNext(postEvent, false.B)
  private val d2 = RegNext(RegNext(d1, false.B), false.B)
  private val d2Lane = RegNext(RegNext(d1Lane, 0.U), 0.U)
  private val d2K = RegNext(RegNext(d1K, 0.U), 0.U)
  private val ubuf = new Ram1R1W(nLanes * 4, num.activation().bits(), p.style("ubuf"))
  when(d2) { ubuf.write(Cat(d2Lane, d2K), post.asUInt) }
  event(Counter.ACTIVATION, d2 && postSat && io.active(d2Lane))

  // ---------------------------------------------------------------- the uops
  private val ebuf = if (p.learning) Some(new Ram1R1W(nLanes * 4, num.error().bits(), p.style("ebuf"))) else None
  ebuf.foreach(b => when(io.eRead) { b.read(io.eAddr) })
  io.eData := ebuf.map(_.rdata.asSInt).getOrElse(0.S)
  private val sig = new Rom("sigmoid", p.sigmoidLut.map(BigInt(_)), p.thetaBits, p.style("sigmoid"))
  private val sExp = log2Ceil(p.sigmoidLut.length)
  private val lutShift = num.activation().frac() + p.arch.luts().sigmoidRangeExp() + 1 - sExp
  private val kind = u.kind
  private def is(k: Kind): Bool = busy && kind === k.ordinal().U

  when(is(Kind.LOAD_U) && sub === 0.U) { ubuf.read(Cat(lane, u.source)) }
  when(is(Kind.LOAD_U) && sub === 1.U) { writeReg(u.dst, ubuf.rdata.asSInt.pad(17)) }

  private val sigIndex = (if (lutShift >= 0) opA >> lutShift else opA << -lutShift) +& (p.sigmoidLut.length / 2).S
  private val sigBelow = sigIndex < 0.S
  private val sigAbove = sigIndex >= p.sigmoidLut.length.S
  private val sigStart = is(Kind.SIGMOID) && sub === 0.U
  when(sigStart) {
    sig.read(Mux(sigBelow, 0.U, Mux(sigAbove, (p.sigmoidLut.length - 1).U, sigIndex.asUInt(sExp - 1, 0))))
    when(u.isTheta) { lutSat := sigBelow || sigAbove }
  }
  event(Counter.THETA_LUT, sigStart && u.isTheta && (sigBelow || sigAbove) && active)
  when(is(Kind.SIGMOID) && sub === 1.U) { writeReg(u.dst, sig.rdata.zext.pad(17)) }

  private val finalSub = sub === u.lastSub
  private val quiet = u.quietIfLutSat && lutSat
  private val writeBack = (is(Kind.PRODUCT) || is(Kind.ERROR)) && finalSub
  when(writeBack) { writeReg(u.dst, Mux(u.zeroIfLutSat && lutSat, 0.S, post)) }
  for (f <- formats if f.counter != null)
    event(f.counter, writeBack && u.fmt === f.ordinal().U && postSat && !quiet && active && !(is(Kind.ERROR) && io.cfg.fixed(u.source)))
  ebuf.foreach(b => when(is(Kind.ERROR) && finalSub) { b.write(Cat(lane, u.source), post.asUInt) })

  // spike (docs/llu-rule.md section 2.5): stochastic: draw < theta; deterministic: theta > 2^(bits-1)
  private val theta = regs(pinned(Reg.TH)).asUInt(p.thetaBits - 1, 0)
  private val flip = WireDefault(false.B)
  if (p.fault >= 0) {
    val used = RegInit(false.B)
    val runSeen = RegNext(io.runIndex)
    when(io.runIndex =/= runSeen) { used := false.B }
    flip := is(Kind.SPIKE) && io.cfg.layer === 0.U && j === 0.U && !used && io.runIndex === p.fault.U && !io.cfg.output
    when(flip) { used := true.B }
  }
  private val spike = Mux(io.cfg.stochastic, io.draws(lane) < theta, theta > (BigInt(1) << (p.thetaBits - 1)).U) ^ flip
  when(is(Kind.SPIKE) && active) {
    io.spkWr := !io.cfg.output
    io.spkAddr := Cat(io.cfg.layer(Controller.spikeLayerBits(p) - 1, 0), io.cfg.bank, j(Memories.abits(p.cap.neurons()) - 1, 0))
    io.spkData := spike
    io.outWr := true.B
    io.outAddr := io.cfg.outBase + j
    io.outData := Mux(io.cfg.output, theta, spike.asUInt)
  }

  // bins, max|u|, histogram (docs/llu-rule.md sections 3-4)
  private val ab = num.activation().bits()
  private val rAddr = io.cfg.rangeBase + Mux(io.cfg.sources === 3.U, (j << 1) +& j, j << 1) + u.source
  when(is(Kind.RANGE) && sub === 0.U) { io.ranges.ren := true.B; io.ranges.raddr := rAddr }
  when(is(Kind.RANGE) && sub === 1.U) {
    rangeE(u.source) := io.rangesRdata(p.rangeBits - 1, 0).asSInt
    maxOld(u.source) := io.rangesRdata(p.rangeBits + ab - 1, p.rangeBits)
  }
  private val uk = uReg(u.source)
  private val absU = Mux(uk < 0.S, 0.S -& uk, uk).asUInt(ab - 1, 0)
  when(is(Kind.BIN) && sub === 0.U) { bin(u.source) := NeuronEngine.bin(p, uk, rangeE(u.source)) }
  when(is(Kind.BIN) && sub === 1.U && active) {
    io.ranges.wen := true.B
    io.ranges.waddr := rAddr
    io.ranges.wdata := Cat(Mux(absU > maxOld(u.source), absU, maxOld(u.source)), rangeE(u.source).asUInt)
  }
  private val cell2 = Cat(bin(0), bin(1))
  private val cell = Mux(io.cfg.sources === 3.U, Cat(cell2, bin(2)), cell2.pad(3 * p.binsExp))
  private val cntBits = num.count().bits()
  when(is(Kind.HIST) && sub === 0.U) {
    val a = io.cfg.histBase + (j << io.cfg.cellsLog2) + cell
    histAddr := a
    io.hist.ren := true.B; io.hist.raddr := a
    io.table.ren := true.B; io.table.raddr := a
  }
  when(is(Kind.HIST) && sub === 1.U) {
    val count = io.histRdata(cntBits - 1, 0)
    val soft = io.histRdata(NeuronEngine.histBits(p) - 1, cntBits)
    val full = count === ((BigInt(1) << cntBits) - 1).U
    val (softNew, softEv) = Fixed.saturate(soft.zext +& theta.zext, num.softSum())
    histNew := Cat(softNew.asUInt(num.softSum().bits() - 1, 0), Mux(full, count, count + 1.U))
    histEv(0) := full
    histEv(1) := softEv
    writeReg(u.dst, io.tableRdata.asSInt.pad(17))
  }
  when(is(Kind.HIST) && sub === 2.U && active) {
    io.hist.wen := true.B; io.hist.waddr := histAddr; io.hist.wdata := histNew
  }
  event(Counter.COUNT, is(Kind.HIST) && sub === 2.U && active && histEv(0))
  event(Counter.SOFT_SUM, is(Kind.HIST) && sub === 2.U && active && histEv(1))

  for (c <- Counter.values()) io.events(c.id()) := PopCount(ev(c.id()).toSeq :+ false.B)
}

object NeuronEngine {
  /** A step's sum of at most three 16 x 16 products, each within +-2^30: exact in 34 bits. */
  val SumBits: Int = 2 * ArchMul.Bits + 2

  def histBits(p: GenParams): Int = p.num.count().bits() + p.num.softSum().bits()

  def rangeBits(p: GenParams): Int = p.rangeBits + p.num.activation().bits()

  /**
   * The distinct operands of the uops (each with its map of logical to physical registers) on the
   * multiplier's input A (or B), as (source, index); IMM index = the power of two.
   */
  def operands(uops: Seq[(EngineUops.Uop, Int => Int)], a: Boolean): Seq[(Int, Int)] =
    uops.flatMap { case (u, reg) => Option(u.step()).toSeq.flatMap(s => products(s, reg).map(x => if (a) x._1 else x._2)) }.distinct

  /** The products of a step: (a1, b1), (a2, b2), (addend, 2^addendShift), as (source, index) pairs, registers physical (`reg`). */
  def products(s: NeuronProgram.Step, reg: Int => Int): Seq[((Int, Int), (Int, Int))] = {
    def o(x: Operand): (Int, Int) = (x.source().ordinal(), if (x.source() == Operand.Source.CONST) x.index() else reg(x.index()))
    val imm = Operand.Source.values().length
    Seq(Some(o(s.a1()) -> (if (s.b1() == null) o(s.a1()) else o(s.b1()))),
      Option(s.a2()).map(a2 => o(a2) -> o(s.b2())),
      Option(s.addend()).map(ad => o(ad) -> (imm, s.addendShift()))).flatten
  }

  /** The range of every post-stage shift: the program's static shifts and the drain's u shifts (input.frac + weightFrac - p - activation.frac). */
  def shiftRange(p: GenParams, static: Seq[Int]): (Int, Int) = {
    val in = p.num.input().frac()
    val af = p.num.activation().frac()
    val pMax = LaneGroup.pMax(p)
    val drainLo = in - pMax - af
    val drainHi = 30 - af
    ((static :+ drainLo).min min 0, (static :+ drainHi).max)
  }

  /** clamp((u + 2^(e+af)) >> (e + af + 1 - nb), 0, bins - 1), a left shift when negative (NeuronLayer.bin). */
  def bin(p: GenParams, v: SInt, e: SInt): UInt = {
    val af = p.num.activation().frac()
    val nb = p.binsExp
    val rs = p.arch.learning().ranges()
    val eaMin = rs.minExp() + af
    val eaMax = rs.maxExp() + af
    require(eaMin >= 0, "minRangeExp + activation.frac >= 0 (checked by the load)")
    val ea = (e +& af.S).asUInt(log2Ceil(eaMax + 1) - 1, 0)
    val w = v +& (1.U << ea).zext
    val s =
      if (nb <= 1) w >> ea
      else Mux(ea >= (nb - 1).U, w >> (ea - (nb - 1).U), w << ((nb - 1).U - ea)(log2Ceil(nb) - 1, 0))
    val clamped = Mux(s < 0.S, 0.U, Mux(s >= p.bins.S, (p.bins - 1).U, s.asUInt))
    clamped.pad(nb)(nb - 1, 0)
  }

  /** One uop as the ROM holds it. */
  class UopWord(nA: Int, nB: Int) extends Bundle {
    val kind = UInt(4.W)
    val lastSub = UInt(3.W)
    val nProd = UInt(2.W)
    val dst = UInt(5.W)
    val opA = Vec(3, UInt(log2Ceil(nA + 1).W))
    val opB = Vec(3, UInt(log2Ceil(nB + 1).W))
    val fmt = UInt(3.W)
    val zeroIfLutSat = Bool()
    val quietIfLutSat = Bool()
    val isTheta = Bool()
    val source = UInt(2.W)
  }

  def encode(u: EngineUops.Uop, reg: Int => Int, as: Seq[(Int, Int)], bs: Seq[(Int, Int)], formats: Seq[Format]): UopWord = {
    val w = Wire(new UopWord(as.size, bs.size))
    val s = u.step()
    val prods = Option(s).map(products(_, reg)).getOrElse(Seq())
    w.kind := u.kind().ordinal().U
    w.lastSub := (u.cycles() - 1).U
    w.nProd := prods.size.U
    w.dst := Option(EngineRegisters.write(u)).map(r => reg(r.ordinal())).getOrElse(0).U
    for (i <- 0 until 3) {
      w.opA(i) := prods.lift(i).map(x => as.indexOf(x._1)).getOrElse(0).U
      w.opB(i) := prods.lift(i).map(x => bs.indexOf(x._2)).getOrElse(0).U
    }
    w.fmt := Option(s).map(_.format().ordinal()).getOrElse(Format.EXACT.ordinal()).U
    w.zeroIfLutSat := Option(s).exists(_.zeroIfLutSat()).B
    w.quietIfLutSat := Option(s).exists(_.phase() == NeuronProgram.Phase.SLOPES).B
    w.isTheta := Option(s).exists(_.dst() == Reg.TH).B
    w.source := (u.source() max 0).U
    w
  }
}
