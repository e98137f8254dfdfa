package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.rtl.RtlContract._
import org.infomorph.compiler.rtl.EngineUops
import scala.jdk.CollectionConverters._

/** One source of the running layer and entry (from CONFIG). */
class SourceRegs(p: GenParams) extends Bundle {
  val size = UInt(Controller.sizeBits(p).W)
  val laneOffset = UInt(Memories.abits(p.cap.laneWords()).W)
  val uShift = SInt(8.W)
  val pShift = UInt(LaneGroup.pBits(p).W)
  val xShift = UInt(5.W)
  val fixed = Bool()
  val kind = UInt(2.W)
  val from = UInt(Controller.layerBits(p).W)
  val bank = UInt(1.W)
}

/**
 * The sequencer (docs/llu-rtl.md, "Controller"): RUN walks the program entries and their slots
 * and broadcasts one [[LaneCtl]] word per cycle to the lanes, feeds them the inputs x, drains
 * their accumulators into the neuron engine, starts the engine on each lane, and on a learning
 * last step loads the lanes' errors and streams the per-sample update. BOUNDARY runs the table
 * engine over every neuron. Every command's length depends on the configuration only
 * ([[org.infomorph.compiler.rtl.RtlCycles]]).
 */
class Controller(p: GenParams) extends Module {
  private val P = p.units
  private val laneAb = Memories.abits(p.cap.laneWords())
  private val lb = log2Ceil(P max 2)
  val io = IO(new Bundle {
    val start = Input(Bool())
    val op = Input(UInt(OP_BITS.W))
    val arg = Input(UInt(DATA_BITS.W))
    val busy = Output(Bool())
    // CONFIG reads (the array is busy, so the host does not read)
    val cfgRen = Output(Bool())
    val cfgAddr = Output(UInt(Memories.abits(p.cap.configWords()).W))
    val cfgData = Input(UInt(32.W))
    // the broadcast inputs
    val inRen = Output(Bool())
    val inAddr = Output(UInt(Memories.abits(p.cap.features()).W))
    val inData = Input(UInt(p.num.input().bits().W))
    val spkRen = Output(Bool())
    val spkAddr = Output(UInt(Controller.spikeAddrBits(p).W))
    val spkData = Input(Bool())
    // lanes and engines
    val lanes = Output(new LaneCtl(p))
    val eng = Output(new EngineCfg(p))
    val drain = Output(Bool())
    val drainLane = Output(UInt(lb.W))
    val drainK = Output(UInt(2.W))
    val engStart = Output(Bool())
    val engLane = Output(UInt(lb.W))
    val engDone = Input(Bool())
    val eRead = Output(Bool())
    val eAddr = Output(UInt((lb + 2).W))
    val eData = Input(SInt(p.num.error().bits().W))
    // the batch boundary: one neuron of a layer at a time
    val bndStart = Output(Bool())
    val bndNeuron = Output(UInt(Controller.neuronBits(p).W))
    val bndDone = Input(Bool())
  })

  private object S extends ChiselEnum {
    val idle, gfetch, efetch, lfetch, slot, prngLd, srcMac, srcFlush, srcDrain, eng, engWait, eload, updW, updB, prngSt, next,
      bLayer, bFetch, bNeuron, bWait, done = Value
  }
  private val state = RegInit(S.idle)
  io.busy := state =/= S.idle

  // ---------------------------------------------------------------- command and position
  private val learn = RegInit(false.B)
  private val stoch = RegInit(false.B)
  private val entries = RegInit(0.U((Controller.entryBits(p) + 1).W))
  // the label as a source index: CONFIG's 32-bit word matches an item only when it is in [0, 2^sizeBits)
  private val labelOk = RegInit(false.B)
  private val labelIdx = RegInit(0.U(Controller.sizeBits(p).W))
  private val layers = RegInit(0.U((Controller.layerBits(p) + 1).W))
  private val e = RegInit(0.U(Controller.entryBits(p).W))
  private val layer = RegInit(0.U(Controller.layerBits(p).W))
  private val flags = RegInit(0.U(2.W))
  private val bank = RegInit(0.U(1.W))
  private val outBase = RegInit(0.U(Memories.abits(p.cap.out()).W))
  private val neurons = RegInit(0.U(Controller.neuronBits(p).W))
  private val slots = RegInit(0.U(Controller.neuronBits(p).W))
  private val sources = RegInit(2.U(2.W))
  private val schneider = RegInit(false.B)
  private val hasBias = RegInit(false.B)
  private val cellsLog2 = RegInit(0.U(4.W))
  private val laneBase = RegInit(0.U(laneAb.W))
  private val slotWords = RegInit(0.U(laneAb.W))
  private val histBase = RegInit(0.U(Memories.abits(p.cap.histWords()).W))
  private val rangeBase = RegInit(0.U(Memories.abits(p.cap.rangeWords()).W))
  private val k = RegInit(VecInit(Seq.fill(7)(0.S(p.num.coefficient().bits().W))))
  private val src = RegInit(VecInit(Seq.fill(p.maxSources)(0.U.asTypeOf(new SourceRegs(p)))))
  private val last = flags(0)
  private val output = flags(1)
  private val learnLast = learn && last

  private val t = RegInit(0.U(Controller.neuronBits(p).W))
  private val jBase = RegInit(0.U(Controller.neuronBits(p).W))
  private val slotBase = RegInit(0.U(laneAb.W))
  private val ks = RegInit(0.U(2.W))
  private val i = RegInit(0.U((Controller.sizeBits(p) + 2).W))
  private val lane = RegInit(0.U((lb + 1).W))

  io.eng.schneider := schneider
  io.eng.learnLast := learnLast
  io.eng.output := output
  io.eng.stochastic := stoch
  io.eng.sources := sources
  io.eng.k := k
  for (q <- 0 until 3) {
    io.eng.fixed(q) := (if (q < p.maxSources) src(q).fixed else false.B)
    io.eng.uShift(q) := (if (q < p.maxSources) src(q).uShift else 0.S)
  }
  io.eng.layer := layer
  io.eng.bank := bank
  io.eng.outBase := outBase
  io.eng.histBase := histBase
  io.eng.rangeBase := rangeBase
  io.eng.cellsLog2 := cellsLog2
  io.eng.jBase := jBase

  // ---------------------------------------------------------------- default outputs
  io.cfgRen := false.B
  io.cfgAddr := 0.U
  io.inRen := false.B
  io.inAddr := 0.U
  io.spkRen := false.B
  io.spkAddr := 0.U
  io.drain := false.B
  io.drainLane := 0.U
  io.drainK := 0.U
  io.engStart := false.B
  io.engLane := 0.U
  io.eRead := false.B
  io.eAddr := 0.U
  io.bndStart := false.B
  io.bndNeuron := 0.U
  private val c = WireDefault(0.U.asTypeOf(new LaneCtl(p)))
  for (q <- 0 until P) c.active(q) := (jBase +& q.U) < neurons
  c.pShift := src(ks).pShift
  io.lanes := c

  // ---------------------------------------------------------------- the lane pipeline: tags issued with a read act 1 and 2 cycles later
  private val t1PrngIn, t1BiasIn, t1Mac, t1UpdW, t1BiasMul = WireDefault(false.B)
  private val t2AccInit, t2AccAdd, t2SpikeDraw, t2UpdCompute = WireDefault(false.B)
  private val s1 = RegNext(VecInit(t1PrngIn, t1BiasIn, t1Mac, t1UpdW, t1BiasMul), VecInit(Seq.fill(5)(false.B)))
  private val s2a = RegNext(VecInit(t2AccInit, t2AccAdd, t2SpikeDraw, t2UpdCompute), VecInit(Seq.fill(4)(false.B)))
  private val s2 = RegNext(s2a, VecInit(Seq.fill(4)(false.B)))
  c.prngIn := s1(0)
  c.biasIn := s1(1)
  c.mac := s1(2)
  c.updW := s1(3)
  c.useE := s1(3) || s1(4)
  c.accInit := s2(0)
  c.accAdd := s2(1)
  c.spikeDraw := s2(2)
  c.updCompute := s2(3)
  // the bias update: product the cycle after the bias is in, compute one later
  c.biasCompute := RegNext(s1(4), false.B)

  // x: the item's input value, requested with the read, ready one cycle later
  private val xReq = WireDefault(false.B)
  private val xIdx = WireDefault(0.U(Controller.sizeBits(p).W))
  private val xKind = src(ks).kind
  when(xReq && xKind === SRC_INPUT.U) { io.inRen := true.B; io.inAddr := xIdx }
  when(xReq && xKind === SRC_SPIKES.U) {
    io.spkRen := true.B
    io.spkAddr := Cat(src(ks).from(Controller.spikeLayerBits(p) - 1, 0), src(ks).bank, xIdx(Memories.abits(p.cap.neurons()) - 1, 0))
  }
  private val kind1 = RegNext(xKind, 0.U)
  private val label1 = RegNext(labelOk && xIdx === labelIdx, false.B)
  private val xShift1 = RegNext(src(ks).xShift, 0.U)
  private val scaled1 = RegNext(false.B, false.B)
  private val biasX1 = RegNext(false.B, false.B)
  private val one = (BigInt(1) << p.num.input().frac()).S(ArchMul.Bits.W)
  private val x = MuxLookup(kind1, 0.S(ArchMul.Bits.W))(Seq(
    SRC_INPUT.U -> io.inData.asSInt.pad(ArchMul.Bits),
    SRC_LABEL.U -> Mux(label1, one, 0.S),
    SRC_SPIKES.U -> Mux(io.spkData, one, -one)))
  c.x := Mux(biasX1, (one << xShift1)(ArchMul.Bits - 1, 0).asSInt,
    Mux(scaled1, (x << xShift1)(ArchMul.Bits - 1, 0).asSInt, x))

  // the update's write address trails its read by 3 cycles
  private val wAddr3 = ShiftRegister(c.addr, 3)

  // ---------------------------------------------------------------- CONFIG fetches: a list of words read in order, captured a cycle later
  private val f = RegInit(0.U(7.W))
  private val capValid = RegNext(false.B, false.B)
  private val capIdx = RegNext(f, 0.U)
  private val word = io.cfgData
  private val entryBase = (LAYER_STRIDE.U * (p.cap.layers() + 1).U) +& (e << log2Ceil(ENTRY_STRIDE))
  private val layerBase = (layer +& 1.U) << log2Ceil(LAYER_STRIDE)
  private def fetch(addrs: Seq[UInt], next: S.Type)(capture: (Int, UInt) => Unit): Unit = {
    when(f < addrs.size.U) {
      io.cfgRen := true.B
      io.cfgAddr := VecInit(addrs)(f)
      f := f + 1.U
      capValid := true.B
    }.elsewhen(!capValid) {
      f := 0.U
      state := next
    }
  }
  private def captured(n: Int)(capture: (Int, UInt) => Unit): Unit =
    when(capValid) { for (q <- 0 until n) when(capIdx === q.U) { capture(q, word) } }
  private val entryWords: Seq[Int] = Seq(E_LAYER, E_FLAGS, E_BANK, E_OUT_BASE) ++ (0 until 9).map(E_SOURCE + _)
  private val layerWords: Seq[Int] = Seq(L_NEURONS, L_SLOTS, L_SOURCES, L_KIND, L_BIAS, L_CELLS_LOG2, L_LANE_BASE, L_SLOT_WORDS,
    L_HIST_BASE, L_RANGE_BASE) ++ (0 until 7).map(L_K + _) ++ (0 until 3).flatMap(s => (0 until 6).map(L_SOURCE + SOURCE_STRIDE * s + _))

  // ---------------------------------------------------------------- the state machine
  private val pw = p.prngWords
  private val bw = p.biasWords
  private val needPrng = (stoch && !output) || learnLast
  // the last srcMac index of source k (its bias words, then its inputs); `macLast` holds it for the source
  // about to run, loaded as srcMac is entered, so the compare in srcMac has no adder after the ks mux
  private def macLastOf(k: UInt): UInt = bw.U - 1.U +& Mux(src(k).kind === SRC_ZEROS.U, 0.U, src(k).size)
  private val macLast = Reg(chiselTypeOf(macLastOf(0.U)))
  private val updBias = hasBias

  switch(state) {
    is(S.idle) {
      when(io.start) {
        learn := io.arg(0)
        stoch := io.arg(1)
        e := 0.U
        f := 0.U
        when(io.op === OP_RUN.U) { state := S.gfetch }
          .elsewhen(io.op === OP_BOUNDARY.U) { state := Mux(p.learning.B, S.bFetch, S.done) }
          .otherwise { state := S.done }
      }
    }
    is(S.gfetch) {
      fetch(Seq(CFG_ENTRIES.U, CFG_LABEL.U), S.efetch)((_, _) => ())
      captured(2) { (q, w) =>
        if (q == 0) entries := w
        else {
          labelOk := w(31, Controller.sizeBits(p)) === 0.U
          labelIdx := w(Controller.sizeBits(p) - 1, 0)
        }
      }
      when(f === 2.U && !capValid) { state := Mux(entries === 0.U, S.done, S.efetch) }
    }
    is(S.efetch) {
      fetch(entryWords.map(w => entryBase + w.U), S.lfetch)((_, _) => ())
      captured(entryWords.size) { (q, w) =>
        q match {
          case 0 => layer := w
          case 1 => flags := w
          case 2 => bank := w
          case 3 => outBase := w
          case n if (n - 4) / 3 >= p.maxSources => // a source this build does not have
          case n =>
            val s = (n - 4) / 3
            (n - 4) % 3 match {
              case 0 => src(s).kind := w
              case 1 => src(s).from := w
              case _ => src(s).bank := w
            }
        }
      }
    }
    is(S.lfetch) {
      fetch(layerWords.map(w => layerBase + w.U), S.slot)((_, _) => ())
      captured(layerWords.size) { (q, w) =>
        q match {
          case 0 => neurons := w
          case 1 => slots := w
          case 2 => sources := w
          case 3 => schneider := w(0)
          case 4 => hasBias := w(0)
          case 5 => cellsLog2 := w
          case 6 => laneBase := w
          case 7 => slotWords := w
          case 8 => histBase := w
          case 9 => rangeBase := w
          case n if n < 17 => k(n - 10) := w.asSInt
          case n if (n - 17) / 6 >= p.maxSources =>
          case n =>
            val s = (n - 17) / 6
            (n - 17) % 6 match {
              case 0 => src(s).size := w
              case 1 => src(s).laneOffset := w
              case 2 => src(s).uShift := w.asSInt
              case 3 => src(s).pShift := w
              case 4 => src(s).xShift := w
              case _ => src(s).fixed := w(0)
            }
        }
      }
      when(f === layerWords.size.U && !capValid) {
        t := 0.U
        jBase := 0.U
        slotBase := laneBase
        ks := 0.U
        i := 0.U
        state := Mux(slots === 0.U, S.next, S.slot)
      }
    }
    is(S.slot) {
      ks := 0.U
      macLast := macLastOf(0.U)
      i := 0.U
      state := Mux(needPrng, S.prngLd, S.srcMac)
    }
    is(S.prngLd) {
      c.rd := true.B
      c.addr := slotBase + i
      t1PrngIn := true.B
      when(i === (pw - 1).U) {
        t2SpikeDraw := stoch && !output
        i := 0.U
        state := S.srcMac
      }.otherwise { i := i + 1.U }
    }
    // source ks: its bias words, then its weights with x
    is(S.srcMac) {
      c.rd := true.B
      c.addr := slotBase + src(ks).laneOffset + i
      when(i < bw.U) {
        t1BiasIn := true.B
        t2AccInit := i === (bw - 1).U
      }.otherwise {
        t1Mac := true.B
        t2AccAdd := true.B
        xReq := true.B
        xIdx := i - bw.U
      }
      when(i === macLast) {
        i := 0.U
        state := S.srcFlush
      }.otherwise { i := i + 1.U }
    }
    is(S.srcFlush) {
      i := i + 1.U
      when(i === 1.U) {
        i := 0.U
        state := S.srcDrain
      }
    }
    is(S.srcDrain) {
      io.drain := true.B
      io.drainLane := i
      io.drainK := ks
      when(i === (P - 1).U) {
        i := 0.U
        when(ks === sources - 1.U) {
          lane := 0.U
          state := S.eng
        }.otherwise {
          ks := ks + 1.U
          macLast := macLastOf(ks + 1.U)
          state := S.srcMac
        }
      }.otherwise { i := i + 1.U }
    }
    is(S.eng) {
      io.engStart := true.B
      io.engLane := lane
      state := S.engWait
    }
    is(S.engWait) {
      when(io.engDone) {
        when(lane === (P - 1).U) {
          ks := 0.U
          i := 0.U
          state := Mux(learnLast, S.eload, Mux(needPrng, S.prngSt, S.next))
        }.otherwise {
          lane := lane + 1.U
          state := S.eng
        }
      }
    }
    // a learned source: load the lanes' errors, then update its weights and bias
    is(S.eload) {
      when(ks === sources) {
        i := 0.U
        state := Mux(needPrng, S.prngSt, S.next)
      }.elsewhen(src(ks).fixed) {
        ks := ks + 1.U
      }.otherwise {
        when(i < P.U) {
          io.eRead := true.B
          io.eAddr := Cat(i(lb - 1, 0), ks)
        }
        i := i + 1.U
        when(i === P.U) {
          i := 0.U
          state := S.updW
        }
      }
    }
    is(S.updW) {
      // read weight m on even cycles, write it back 3 cycles later (odd)
      val m = i >> 1
      when(!i(0) && m < src(ks).size) {
        c.rd := true.B
        c.addr := slotBase + src(ks).laneOffset + bw.U + m
        t1UpdW := true.B
        t2UpdCompute := true.B
        xReq := true.B
        xIdx := m
      }
      when(i(0) && i >= 3.U) {
        c.wr := true.B
        c.addr := wAddr3
        c.wOut := true.B
      }
      i := i + 1.U
      when(i === (src(ks).size << 1) + 1.U) {
        i := 0.U
        when(updBias) { state := S.updB }.otherwise {
          ks := ks + 1.U
          state := S.eload
        }
      }
    }
    is(S.updB) {
      // bw reads, the product, the update, bw writes
      when(i < bw.U) {
        c.rd := true.B
        c.addr := slotBase + src(ks).laneOffset + i
        t1BiasIn := true.B
        t1BiasMul := i === (bw - 1).U
      }
      when(i >= (bw + 3).U) {
        c.wr := true.B
        c.addr := slotBase + src(ks).laneOffset + (i - (bw + 3).U)
        c.biasOut := true.B
      }
      i := i + 1.U
      when(i === (2 * bw + 2).U) {
        i := 0.U
        ks := ks + 1.U
        state := S.eload
      }
    }
    is(S.prngSt) {
      c.wr := true.B
      c.addr := slotBase + i
      c.prngOut := true.B
      i := i + 1.U
      when(i === (pw - 1).U) {
        i := 0.U
        state := S.next
      }
    }
    is(S.next) {
      when(t +& 1.U >= slots) {
        e := e + 1.U
        f := 0.U
        state := Mux(e +& 1.U >= entries, S.done, S.efetch)
      }.otherwise {
        t := t + 1.U
        jBase := jBase + P.U
        slotBase := slotBase + slotWords
        state := S.slot
      }
    }

    // ---- BOUNDARY: per layer, every neuron of its slots through the table engine
    is(S.bFetch) {
      fetch(Seq(CFG_LAYERS.U), S.bLayer)((_, _) => ())
      captured(1) { (_, w) => layers := w }
      when(f === 1.U && !capValid) {
        layer := 0.U
        state := S.bLayer
      }
    }
    is(S.bLayer) {
      when(layer >= layers) { state := S.done }.otherwise {
        fetch(layerWords.take(10).map(w => layerBase + w.U), S.bNeuron)((_, _) => ())
        captured(10) { (q, w) =>
          q match {
            case 0 => neurons := w
            case 1 => slots := w
            case 2 => sources := w
            case 5 => cellsLog2 := w
            case 8 => histBase := w
            case 9 => rangeBase := w
            case _ =>
          }
        }
        when(f === 10.U && !capValid) {
          jBase := 0.U
          t := 0.U
          lane := 0.U
          f := 0.U
          state := S.bNeuron
        }
      }
    }
    // every neuron of every slot, lane by lane (t counts slots, lane lanes)
    is(S.bNeuron) {
      when(t >= slots) {
        layer := layer + 1.U
        f := 0.U
        state := S.bLayer
      }.otherwise {
        io.bndStart := true.B
        state := S.bWait
      }
    }
    is(S.bWait) {
      when(io.bndDone) {
        jBase := jBase + 1.U
        when(lane === (P - 1).U) {
          lane := 0.U
          t := t + 1.U
        }.otherwise { lane := lane + 1.U }
        state := S.bNeuron
      }
    }
    is(S.done) { state := S.idle }
  }
  io.bndNeuron := jBase
  // the update's x is x << xShift; the bias update's x is 1.0 << xShift
  scaled1 := state === S.updW
  biasX1 := state === S.updB && t1BiasMul
  c.eLoad := RegNext(io.eRead, false.B)
  c.eLane := RegNext(io.eAddr >> 2, 0.U)
  c.eData := io.eData
}

object Controller {
  def layerBits(p: GenParams): Int = log2Ceil(p.cap.layers() + 1) max 1
  def entryBits(p: GenParams): Int = log2Ceil(p.cap.entries() + 1) max 1
  def neuronBits(p: GenParams): Int = log2Ceil(p.cap.neurons() + 1) + 1
  def sizeBits(p: GenParams): Int = log2Ceil((p.cap.features() max p.cap.neurons()) + 1) + 1
  /** SPIKES words: layers x 2 banks x capacity.neurons, addressed as {layer, bank, neuron}. */
  def spikeAddrBits(p: GenParams): Int = org.infomorph.compiler.rtl.RtlMemories.spikeAddrBits(p.cap)
  /** Bits of a layer index in a SPIKES address. */
  def spikeLayerBits(p: GenParams): Int = spikeAddrBits(p) - 1 - Memories.abits(p.cap.neurons())
  /** OUT words: a spike (0/1) or theta. */
  def outBits(p: GenParams): Int = math.max(1, p.num.theta().bits())
}
