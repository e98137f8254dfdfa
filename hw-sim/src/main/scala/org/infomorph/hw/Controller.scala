package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The SIMD controller (docs/llu-rtl.md, "Micro-architecture"): it walks RUN, PASS2 and BOUNDARY
 * commands through program entries, slots, sources and inputs, broadcasts one [[UnitCtl]] word per
 * cycle to every unit, reads the broadcast inputs x from the shared INPUT/SPIKES buffers (and the
 * label), and writes the units' spikes and results to SPIKES and OUT through a writer that drains
 * one unit per cycle while the next slot computes.
 *
 * Cycles (exact, measured against the simulation; every count depends on the configuration only,
 * never on data). A command is accepted in cycle 0; the figure N below is the cycle in which
 * `ready` is high again (the next command can be accepted N cycles after this one).
 * Notation: P = units; per layer S = slots, s = sources, n_k = fan-in of source k as the entry
 * wires it (0 for a zeros source); A = ActivationUnit.latency (9); T = the start-to-done latency of
 * the TableEngine (BOUNDARY bit 0) or the BoundaryUpdate (bit 1) for that layer.
 *
 *  - RUN   = 1 + Σ_entries [3 + slot + (S − 1)·max(slot, P + 1) + max(1, P − 2 − G)] + 2
 *      slot = Σ_k (n_k + 1) + A + 8 + G
 *             (MAC: one item per cycle, each source's bias then its n_k weights; 3 cycles of MAC
 *             pipeline; 1 activation start; A activation; 3 post cycles: spike and PRNG, histogram
 *             read and PASS2 row, histogram write; 1 to step the slot)
 *      G    = Σ_{k not fixed} (n_k + 2) + #fixed + 1 on a learning last-step entry in
 *             PREVIOUS_BATCH mode (per source one error cycle, the bias, then one gradient
 *             read-modify-write per weight), else 0
 *    P + 1 and P − 2 − G come from the writer (one unit's spike/result per cycle); they bind only
 *    when P is larger than a slot.
 *  - PASS2 = 1 + Σ_{last-step entries} [3 + S·(4 + G) + 1] + 2·#(other entries) + 2
 *      (per slot: PASS2 row read, latch, TABLE read, the gradient stream G as above, 1 step)
 *  - BOUNDARY = 1 + Σ_{phases run} [Σ_layers (2 + S·(T + 2)) + 1] + 1
 *  - WRITE and READ take 1 cycle each (back to back); READ data arrive 2 cycles after the command.
 */
class Controller(p: GenParams) extends Module {
  private val P = p.units
  private val nLayers = p.cap.layers()
  private val nEntries = ConfigRegs.entries(p)
  private val tb = p.num.theta().bits()
  private val inBits = p.num.input().bits()
  private val inFrac = p.num.input().frac()
  private val nBits = p.addrBits(p.cap.neurons())
  private val outBits = Controller.outBits(p)

  val io = IO(new Bundle {
    val start = Input(Bool())
    val op = Input(UInt(4.W))
    val arg = Input(UInt(64.W))
    /** RUN commands before this one (fault injection) */
    val runIndex = Input(UInt(64.W))
    val busy = Output(Bool())

    val glob = Input(new GlobalConfig(p))
    val layers = Input(Vec(nLayers, new LayerConfig(p)))
    val entries = Input(Vec(nEntries, new EntryConfig(p)))

    val ctl = Output(new UnitCtl(p))
    val cfg = Output(new LayerConfig(p))
    val actDone = Input(Bool())
    val tableDone = Input(Bool())
    val updDone = Input(Bool())
    val spikes = Input(Vec(P, Bool()))
    val thetas = Input(Vec(P, UInt(tb.W)))
    val actives = Input(Vec(P, Bool()))

    val inRdEn = Output(Bool())
    val inRdAddr = Output(UInt(20.W))
    val inRdData = Input(UInt(inBits.W))
    val spkRdEn = Output(Bool())
    val spkRdAddr = Output(UInt(Controller.spikeAddrBits(p).W))
    val spkRdData = Input(Bool())
    val spkWrEn = Output(Bool())
    val spkWrAddr = Output(UInt(Controller.spikeAddrBits(p).W))
    val spkWrData = Output(Bool())
    val outWrEn = Output(Bool())
    val outWrAddr = Output(UInt(20.W))
    val outWrData = Output(UInt(outBits.W))
  })

  private object S extends ChiselEnum {
    val idle, entry0, entry1, entry2, mac, macW, actGo, actW, post0, post1, post2, gradS, next, eEnd,
      p2a, p2b, p2c, bLayer0, bLayer1, bStart, bWait, bNext, done = Value
  }
  private val state = RegInit(S.idle)
  io.busy := state =/= S.idle

  // command
  private val isRun = RegInit(false.B)
  private val isPass2 = RegInit(false.B)
  private val learn = RegInit(false.B)
  private val stoch = RegInit(false.B)
  private val sample = RegInit(0.U(16.W))
  private val bndUpdate = RegInit(false.B)
  private val updPhase = RegInit(false.B)
  private val runIdx = RegInit(0.U(64.W))

  // position
  private val e = RegInit(0.U(ConfigRegs.countBits(nEntries).W))
  private val layer = RegInit(0.U(ConfigRegs.countBits(nLayers).W))
  private val ent = RegInit(0.U.asTypeOf(new EntryConfig(p)))
  private val cur = RegInit(0.U.asTypeOf(new LayerConfig(p)))
  private val t = RegInit(0.U(20.W))
  private val jBase = RegInit(0.U(21.W))
  private val wRow = RegInit(VecInit(Seq.fill(3)(0.U(20.W))))
  private val gRow = RegInit(VecInit(Seq.fill(3)(0.U(20.W))))
  private val histRow = RegInit(0.U(20.W))
  private val rangeRow = RegInit(0.U(20.W))
  private val k = RegInit(0.U(2.W))
  private val i = RegInit(0.U(21.W))
  private val sc = RegInit(0.U(2.W))
  private val wait3 = RegInit(0.U(2.W))
  io.cfg := cur

  private val learnLast = learn && ent.last
  private def sizeEff(k: UInt): UInt = Mux(ent.src(k).kind === SourceKind.ZEROS.U, 0.U, cur.src(k).size)
  private val pass2Addr = cur.pass2Base + (t << p.batchExp) + sample

  // ---------------------------------------------------------------- control word (default: nothing)
  private val c = WireDefault(0.U.asTypeOf(new UnitCtl(p)))
  io.ctl := c
  c.mode := Mux(state === S.idle, Mode.HOST.U, Mux(isRun || isPass2, Mode.RUN.U, Mux(updPhase, Mode.UPDATE.U, Mode.TABLE.U)))
  c.jBase := jBase
  c.histAddr := histRow
  c.slot := t
  c.prngAddr := cur.prngBase + t
  c.pass2Addr := pass2Addr
  c.stochastic := stoch
  c.withSlopes := learnLast

  // ---------------------------------------------------------------- broadcast x: stage 0 request, stage 1 value
  private val xReq = WireDefault(false.B)
  private val xIdx = WireDefault(0.U(20.W))
  private val xSrc = ent.src(k)
  io.inRdEn := xReq && xSrc.kind === SourceKind.INPUT.U
  io.inRdAddr := xIdx
  io.spkRdEn := xReq && xSrc.kind === SourceKind.SPIKES.U
  io.spkRdAddr := Cat(xSrc.layer, xSrc.bank, xIdx(nBits - 1, 0))
  private val kind1 = RegNext(xSrc.kind, 0.U)
  private val label1 = RegNext(io.glob.label >= 0.S && xIdx === io.glob.label.asUInt, false.B)
  private val one = (BigInt(1) << inFrac).S(LluUnit.xBits(p).W)
  c.x := MuxLookup(kind1, 0.S)(Seq(
    SourceKind.INPUT.U -> io.inRdData.asSInt,
    SourceKind.LABEL.U -> Mux(label1, one, 0.S),
    SourceKind.SPIKES.U -> Mux(io.spkRdData, one, -one)))

  // ---------------------------------------------------------------- writer: SPIKES and OUT, one unit per cycle
  private val wBusy = RegInit(false.B)
  private val wIdx = RegInit(0.U(math.max(1, log2Ceil(P)).W))
  private val wJBase = RegInit(0.U(21.W))
  private val wSpkBase = RegInit(0.U((ConfigRegs.indexBits(nLayers) + 1).W))
  private val wOutBase = RegInit(0.U(20.W))
  private val wSpikes = RegInit(false.B)
  private val wOut = RegInit(false.B)
  private val wOutput = RegInit(false.B)
  private val wLayer0 = RegInit(false.B)
  private val capSpike = Reg(Vec(P, Bool()))
  private val capTheta = Reg(Vec(P, UInt(tb.W)))
  private val capActive = RegInit(VecInit(Seq.fill(P)(false.B)))
  private val j = wJBase + wIdx
  private val flip = WireDefault(false.B)
  if (p.fault >= 0) {
    // test only: flip the first spike of layer 0, neuron 0 in RUN number `fault`
    val used = RegInit(false.B)
    when(io.start) { used := false.B }
    flip := wBusy && wSpikes && wLayer0 && j === 0.U && !used && runIdx === p.fault.U
    when(flip) { used := true.B }
  }
  private val spk = ConfigRegs.select(capSpike, wIdx) ^ flip
  io.spkWrEn := wBusy && wSpikes && ConfigRegs.select(capActive, wIdx)
  io.spkWrAddr := Cat(wSpkBase, j(nBits - 1, 0))
  io.spkWrData := spk
  io.outWrEn := wBusy && wOut && ConfigRegs.select(capActive, wIdx)
  io.outWrAddr := wOutBase + j
  io.outWrData := Mux(wOutput, ConfigRegs.select(capTheta, wIdx), spk.asUInt)
  when(wBusy) {
    wIdx := wIdx + 1.U
    when(wIdx === (P - 1).U) { wBusy := false.B }
  }

  // ---------------------------------------------------------------- slot walk helpers
  private def firstSlot(): Unit = {
    t := 0.U
    jBase := 0.U
    for (q <- 0 until 3) {
      wRow(q) := cur.src(q).weightBase
      gRow(q) := cur.src(q).gradBase
    }
    histRow := cur.histBase
    rangeRow := cur.rangeBase
    k := 0.U
    i := 0.U
    sc := 0.U
  }
  private def nextSlot(): Unit = {
    t := t + 1.U
    jBase := jBase + P.U
    for (q <- 0 until 3) {
      wRow(q) := wRow(q) + cur.src(q).size
      gRow(q) := gRow(q) + cur.src(q).size
    }
    histRow := histRow + cur.cells
    rangeRow := rangeRow + cur.sources
    k := 0.U
    i := 0.U
    sc := 0.U
  }
  private val lastSlot = t + 1.U >= cur.slots

  // ---------------------------------------------------------------- the state machine
  switch(state) {
    is(S.idle) {
      when(io.start) {
        val op = io.op
        isRun := op === Op.RUN.U
        isPass2 := op === Op.PASS2.U
        learn := io.arg(0)
        stoch := io.arg(1)
        sample := io.arg(31, 16)
        runIdx := io.runIndex
        e := 0.U
        layer := 0.U
        when(op === Op.BOUNDARY.U) {
          bndUpdate := io.arg(1)
          updPhase := !io.arg(0)
          state := Mux(io.arg(1, 0) === 0.U, S.done, S.bLayer0)
        }.otherwise {
          updPhase := false.B
          state := S.entry0
        }
      }
    }

    // ---- RUN / PASS2: entries
    is(S.entry0) {
      ent := ConfigRegs.select(io.entries, e)
      state := Mux(e >= io.glob.entries, S.done, S.entry1)
    }
    is(S.entry1) {
      cur := ConfigRegs.select(io.layers, ent.layer)
      when(isPass2 && !ent.last) {
        e := e + 1.U
        state := S.entry0
      }.otherwise { state := S.entry2 }
    }
    is(S.entry2) {
      firstSlot()
      state := Mux(cur.slots === 0.U, S.eEnd, Mux(isPass2, S.p2a, S.mac))
    }

    // ---- MAC: per source its bias, then its weights; side reads in the first cycles
    is(S.mac) {
      c.mac := true.B
      c.macK := k
      c.macBias := i === 0.U
      c.macLast := i === sizeEff(k)
      c.macAddr := Mux(i === 0.U, cur.src(k).biasBase + t, wRow(k) + (i - 1.U))
      xReq := i =/= 0.U
      xIdx := i - 1.U
      c.rngRd := sc < cur.sources
      c.rngK := sc
      c.rngAddr := rangeRow + sc
      c.prngRd := sc === 0.U
      when(sc =/= 3.U) { sc := sc + 1.U }
      when(i === sizeEff(k)) {
        i := 0.U
        when(k === cur.sources - 1.U) {
          wait3 := 0.U
          state := S.macW
        }.otherwise { k := k + 1.U }
      }.otherwise { i := i + 1.U }
    }
    is(S.macW) {
      wait3 := wait3 + 1.U
      when(wait3 === 2.U) { state := S.actGo }
    }
    is(S.actGo) {
      c.actStart := true.B
      state := S.actW
    }
    is(S.actW) {
      when(io.actDone) { state := S.post0 }
    }

    // ---- spike, histogram, errors
    is(S.post0) {
      when(!wBusy) {
        c.post := true.B
        c.draw := stoch && !ent.output
        c.maxWr := learnLast
        c.maxK := 0.U
        c.maxAddr := rangeRow
        wBusy := true.B
        wIdx := 0.U
        wJBase := jBase
        wSpkBase := Cat(ent.layer, ent.bank)
        wOutBase := ent.outBase
        wSpikes := !ent.output
        wOut := true.B // every entry, early steps too: the host restores their spikes before a PASS2
        wOutput := ent.output
        wLayer0 := ent.layer === 0.U
        capSpike := io.spikes
        capTheta := io.thetas
        capActive := io.actives
        state := S.post1
      }
    }
    is(S.post1) {
      c.histRd := learnLast
      c.maxWr := learnLast
      c.maxK := 1.U
      c.maxAddr := rangeRow + 1.U
      c.pass2Wr := learnLast && p.sameBatch.B
      state := S.post2
    }
    is(S.post2) {
      c.histWr := learnLast
      c.maxWr := learnLast && cur.sources === 3.U
      c.maxK := 2.U
      c.maxAddr := rangeRow + 2.U
      k := 0.U
      i := 0.U
      state := Mux(learnLast && !p.sameBatch.B, S.gradS, S.next)
    }

    // ---- gradients: per non-fixed source its error e_k, its bias, then its weights
    is(S.gradS) {
      when(k >= cur.sources) {
        state := S.next
      }.elsewhen(cur.src(k).fixed) {
        k := k + 1.U
      }.elsewhen(i === 0.U) {
        c.errLatch := true.B
        c.errK := k
        i := 1.U
      }.otherwise {
        c.grad := true.B
        c.gradK := k
        c.gradBias := i === 1.U
        c.gradAddr := Mux(i === 1.U, cur.src(k).gradBiasBase + t, gRow(k) + (i - 2.U))
        xReq := i =/= 1.U
        xIdx := i - 2.U
        when(i === sizeEff(k) + 1.U) {
          i := 0.U
          k := k + 1.U
        }.otherwise { i := i + 1.U }
      }
    }
    is(S.next) {
      nextSlot()
      state := Mux(lastSlot, S.eEnd, Mux(isPass2, S.p2a, S.mac))
    }
    is(S.eEnd) {
      when(!wBusy) {
        e := e + 1.U
        state := S.entry0
      }
    }

    // ---- PASS2: the stored row, then the table word, then the errors
    is(S.p2a) {
      c.pass2Rd := true.B
      state := S.p2b
    }
    is(S.p2b) { state := S.p2c }
    is(S.p2c) {
      c.histRd := true.B
      k := 0.U
      i := 0.U
      state := S.gradS
    }

    // ---- BOUNDARY: per phase (tables, then updates), per layer, per slot one engine run
    is(S.bLayer0) {
      cur := ConfigRegs.select(io.layers, layer)
      when(layer >= io.glob.layers) {
        layer := 0.U
        when(!updPhase && bndUpdate) {
          updPhase := true.B
        }.otherwise { state := S.done }
      }.otherwise { state := S.bLayer1 }
    }
    is(S.bLayer1) {
      firstSlot()
      when(cur.slots === 0.U) {
        layer := layer + 1.U
        state := S.bLayer0
      }.otherwise { state := S.bStart }
    }
    is(S.bStart) {
      c.tableStart := !updPhase
      c.updStart := updPhase
      state := S.bWait
    }
    is(S.bWait) {
      when(Mux(updPhase, io.updDone, io.tableDone)) { state := S.bNext }
    }
    is(S.bNext) {
      nextSlot()
      when(lastSlot) {
        layer := layer + 1.U
        state := S.bLayer0
      }.otherwise { state := S.bStart }
    }

    is(S.done) {
      when(!wBusy) { state := S.idle }
    }
  }
}

object Controller {
  /** SPIKES words: layers x 2 banks x capacity.neurons, addressed as {layer, bank, neuron}. */
  def spikeAddrBits(p: GenParams): Int = ConfigRegs.indexBits(p.cap.layers()) + 1 + p.addrBits(p.cap.neurons())

  /** OUT words: a spike (0/1) or theta. */
  def outBits(p: GenParams): Int = math.max(1, p.num.theta().bits())
}
