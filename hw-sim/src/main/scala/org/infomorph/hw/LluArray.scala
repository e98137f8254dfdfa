package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.Counter
import org.infomorph.compiler.rtl.RtlContract._
import scala.jdk.CollectionConverters._

/** The host port of the array (docs/llu-rtl.md, "Host port"), seen from the array. */
class HostPort extends Bundle {
  val valid = Input(Bool())
  val ready = Output(Bool())
  val op = Input(UInt(OP_BITS.W))
  val addr = Input(UInt(ADDR_BITS.W))
  val wdata = Input(UInt(DATA_BITS.W))
  val rvalid = Output(Bool())
  val rdata = Output(UInt(DATA_BITS.W))
}

/**
 * The LLU array (docs/llu-rtl.md): the host port, CONFIG, the shared INPUT, SPIKES and OUT
 * buffers, STATUS, the [[Controller]], the lanes ([[LaneGroup]]s), the [[NeuronEngine]] and, in a
 * learning build, the histogram, table and range memories with the [[TableEngine]].
 *
 * Host port: WRITE and READ take one cycle each (back to back); a READ's word is on `rdata` with
 * `rvalid` exactly READ_LATENCY = 2 cycles after the command. RUN and BOUNDARY hold `ready` low
 * until done. A WRITE to STATUS word STATUS_COUNTERS + id zeroes that counter (the data is ignored).
 */
class LluArray(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val host = new HostPort
  })
  private val cap = p.cap
  private val h = io.host
  private val ctrl = Module(new Controller(p))
  private val eng = Module(new NeuronEngine(p))
  private val groups = Seq.tabulate(p.groups)(g => Module(new LaneGroup(p, g * p.lanesPerWord)))
  private val laneOf: Seq[(LaneGroup, Int)] = groups.flatMap(g => Seq.tabulate(g.io.acc.length)(i => (g, i)))

  h.ready := !ctrl.io.busy
  private val fire = h.valid && h.ready
  private val hostRd = fire && h.op === OP_READ.U
  private val hostWr = fire && h.op === OP_WRITE.U
  private val region = h.addr(REGION_SHIFT + 3, REGION_SHIFT)
  private val unit = h.addr(REGION_SHIFT - 1, UNIT_SHIFT)
  private val word = h.addr(UNIT_SHIFT - 1, 0)
  private def wrTo(r: Int): Bool = hostWr && region === r.U
  private def rdFrom(r: Int): Bool = hostRd && region === r.U
  ctrl.io.start := fire && (h.op === OP_RUN.U || h.op === OP_BOUNDARY.U)
  ctrl.io.op := h.op
  ctrl.io.arg := h.wdata

  // ---------------------------------------------------------------- memories shared by the host and the array
  private val config = new Ram1R1W(cap.configWords(), 32, p.style("config"))
  private val input = new Ram1R1W(cap.features(), p.num.input().bits(), p.style("input"))
  private val spikes = new Ram1R1W((1 << Controller.spikeAddrBits(p)), 1, p.style("spikes"))
  private val out = new Ram1R1W(cap.out(), Controller.outBits(p), p.style("out"))
  when(wrTo(REGION_CONFIG)) { config.write(word, h.wdata) }
  when(rdFrom(REGION_CONFIG)) { config.read(word) }
  when(ctrl.io.cfgRen) { config.read(ctrl.io.cfgAddr) }
  ctrl.io.cfgData := config.rdata
  when(wrTo(REGION_INPUT)) { input.write(word, h.wdata) }
  when(rdFrom(REGION_INPUT)) { input.read(word) }
  when(ctrl.io.inRen) { input.read(ctrl.io.inAddr) }
  ctrl.io.inData := input.rdata
  when(wrTo(REGION_SPIKES)) { spikes.write(word, h.wdata) }
  when(rdFrom(REGION_SPIKES)) { spikes.read(word) }
  when(ctrl.io.spkRen) { spikes.read(ctrl.io.spkAddr) }
  when(eng.io.spkWr) { spikes.write(eng.io.spkAddr, eng.io.spkData) }
  ctrl.io.spkData := spikes.rdata(0)
  when(wrTo(REGION_OUT)) { out.write(word, h.wdata) }
  when(rdFrom(REGION_OUT)) { out.read(word) }
  when(eng.io.outWr) { out.write(eng.io.outAddr, eng.io.outData) }

  // ---------------------------------------------------------------- lanes
  for ((g, gi) <- groups.zipWithIndex) {
    g.io.ctl := ctrl.io.lanes
    g.io.host.rd := rdFrom(REGION_LANE) && unit === gi.U
    g.io.host.wr := wrTo(REGION_LANE) && unit === gi.U
    g.io.host.word := word
    g.io.host.wdata := h.wdata
  }

  // ---------------------------------------------------------------- the neuron engine
  eng.io.cfg := ctrl.io.eng
  eng.io.drain := ctrl.io.drain
  eng.io.drainLane := ctrl.io.drainLane
  eng.io.drainK := ctrl.io.drainK
  eng.io.start := ctrl.io.engStart
  eng.io.lane := ctrl.io.engLane
  ctrl.io.engDone := eng.io.done
  eng.io.eRead := ctrl.io.eRead
  eng.io.eAddr := ctrl.io.eAddr
  ctrl.io.eData := eng.io.eData
  for (((g, i), lane) <- laneOf.zipWithIndex) {
    eng.io.acc(lane) := g.io.acc(i)
    eng.io.draws(lane) := g.io.draw(i)
  }
  eng.io.active := ctrl.io.lanes.active
  private val runs = RegInit(0.U(32.W))
  eng.io.runIndex := runs - 1.U // runs counts the current RUN too

  // ---------------------------------------------------------------- learning memories and the table engine
  private val histRd = WireDefault(0.U(NeuronEngine.histBits(p).W))
  private val tableRd = WireDefault(0.U(p.num.table().bits().W))
  private val rangesRd = WireDefault(0.U(NeuronEngine.rangeBits(p).W))
  private val tableEvents = Wire(Vec(Counter.values().length, UInt(2.W)))
  tableEvents.foreach(_ := 0.U)
  ctrl.io.bndDone := false.B
  eng.io.histRdata := 0.U
  eng.io.tableRdata := 0.U
  eng.io.rangesRdata := 0.U
  if (p.learning) {
    // hist and table are one-port (iCE40 SPRAM when the EBR run out): the neuron engine reads a cell
    // and writes it two cycles later, the table engine reads the histogram and later writes both, the
    // host only when the array is idle, and the two engines never run at once
    val hist: RamAccess = new Ram1RW(cap.histWords(), NeuronEngine.histBits(p), p.style("hist"))
    val table: RamAccess = new Ram1RW(cap.histWords(), p.num.table().bits(), p.style("table"))
    val ranges: RamAccess = new Ram1R1W(cap.rangeWords(), NeuronEngine.rangeBits(p), p.style("ranges"))
    val te = Module(new TableEngine(p))
    te.io.start := ctrl.io.bndStart
    te.io.neuron := ctrl.io.bndNeuron
    te.io.cfg := ctrl.io.eng
    ctrl.io.bndDone := te.io.done
    te.io.cfgData := config.rdata
    when(te.io.cfgRen) { config.read(te.io.cfgAddr) }
    for ((ram, e, t, r) <- Seq((hist, eng.io.hist, te.io.hist, REGION_HIST), (table, eng.io.table, te.io.table, REGION_TABLE),
      (ranges, eng.io.ranges, te.io.ranges, REGION_RANGES))) {
      when(e.ren) { ram.read(e.raddr) }
      when(e.wen) { ram.write(e.waddr, e.wdata) }
      when(t.ren) { ram.read(t.raddr) }
      when(t.wen) { ram.write(t.waddr, t.wdata) }
      when(rdFrom(r)) { ram.read(word) }
      when(wrTo(r)) { ram.write(word, h.wdata) }
    }
    eng.io.histRdata := hist.rdata
    eng.io.tableRdata := table.rdata
    eng.io.rangesRdata := ranges.rdata
    te.io.histRdata := hist.rdata
    te.io.tableRdata := table.rdata
    te.io.rangesRdata := ranges.rdata
    histRd := hist.rdata
    tableRd := table.rdata
    rangesRd := ranges.rdata
    tableEvents := te.io.events
  }

  // ---------------------------------------------------------------- STATUS
  private val cycles = RegInit(0.U(48.W))
  cycles := cycles + 1.U
  when(fire && h.op === OP_RUN.U) { runs := runs + 1.U }
  // the counters this build counts, in the order of their memory; the others read 0
  private val produced = Counter.inArray(p.learning).asScala.toSeq
  // The events of a cycle are registered before they reach the counters: this cuts the path from the
  // lane-active compare through the event gating into the counters' adder (the iCE40's critical path).
  // No reset value (it would cost LCs on the iCE40): during reset the events are 0, so these are 0 after it.
  private val weightEv = RegNext(groups.map(_.io.weightEvents).reduce(_ +& _))
  private val biasEv = RegNext(groups.map(_.io.biasEvents).reduce(_ +& _))
  private val engEv = RegNext(eng.io.events)
  private val tableEv = RegNext(tableEvents)
  private val pending = produced.map(c => engEv(c.id()) +& tableEv(c.id()) +&
    (if (c == Counter.WEIGHT) weightEv else 0.U) +& (if (c == Counter.BIAS) biasEv else 0.U))
  // at most 3 engine and 3 table events a cycle, and one weight or bias event per lane
  private val eventBits = log2Ceil(3 + 3 + p.units + 1)
  private val counters = Module(new StatusCounters(p, produced.size, eventBits))
  private val counterWord = produced.map(c => (STATUS_COUNTERS + c.id()).U)
  for ((ev, i) <- pending.zipWithIndex) counters.io.events(i) := ev.pad(eventBits)(eventBits - 1, 0)
  private val onCounter = counterWord.map(word === _)
  private val isCounterWord = onCounter.reduce(_ || _)
  counters.io.index := Mux1H(onCounter, produced.indices.map(_.U))
  counters.io.hostRead := rdFrom(REGION_STATUS) && isCounterWord
  // a write zeroes the counter whatever its data
  counters.io.hostClear := wrTo(REGION_STATUS) && isCounterWord
  private val status = MuxLookup(word, 0.U(64.W))(Seq(STATUS_CYCLES.U -> cycles.pad(64), STATUS_RUNS.U -> runs.pad(64)))

  // ---------------------------------------------------------------- host read data, 2 cycles after the command
  private val rd1 = RegNext(hostRd, false.B)
  private val region1 = RegNext(region, 0.U)
  private val unit1 = RegNext(unit, 0.U)
  private val status1 = RegNext(status, 0.U)
  private val counterRead = Mux(RegNext(isCounterWord, false.B), counters.io.value.pad(64), status1)
  private val laneRd = VecInit(groups.map(_.io.hostRdata.pad(DATA_BITS)))(unit1)
  // Each region's word as (low half, sign-extended?): the upper half is one shared multiplexer of
  // the signs, not one per bit (only STATUS and LANE words use their own upper bits).
  private val half = DATA_BITS / 2
  private val words: Seq[(Int, UInt, Boolean)] = Seq(
    (REGION_CONFIG, config.rdata, true), (REGION_INPUT, input.rdata, true), (REGION_SPIKES, spikes.rdata, false),
    (REGION_OUT, out.rdata, false), (REGION_HIST, histRd, false), (REGION_TABLE, tableRd, true), (REGION_RANGES, rangesRd, false))
  require(words.forall(_._2.getWidth <= half), "array words wider than half the host data word")
  private val lowWord = MuxLookup(region1, 0.U(half.W))(words.map { case (r, v, signed) => r.U -> (if (signed) v.asSInt.pad(half).asUInt else v.pad(half)) } ++
    Seq(REGION_STATUS.U -> counterRead(half - 1, 0), REGION_LANE.U -> laneRd(half - 1, 0)))
  private val signBit = MuxLookup(region1, false.B)(words.filter(_._3).map { case (r, v, _) => r.U -> v(v.getWidth - 1) })
  private val highWord = MuxLookup(region1, Fill(DATA_BITS - half, signBit))(Seq(
    REGION_STATUS.U -> counterRead(DATA_BITS - 1, half), REGION_LANE.U -> laneRd(DATA_BITS - 1, half)))
  h.rvalid := RegNext(rd1, false.B)
  h.rdata := RegNext(Cat(highWord, lowWord), 0.U)
}
