package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The LLU array (docs/llu-rtl.md): the host port, the CONFIG registers, the shared INPUT, SPIKES and
 * OUT buffers, STATUS, the SIMD [[Controller]] and P = `units` [[LluUnit]]s, each owning its memories.
 *
 * Host port: WRITE and READ take one cycle each (back to back); a READ's word is on `rdata` with
 * `rvalid` exactly 2 cycles after the command. RUN, BOUNDARY and PASS2 hold `ready` low until done
 * (cycle counts in [[Controller]]). STATUS words 16 + id can be written (to zero a saturation
 * counter); the cycle and RUN counters are read-only.
 */
class LluArray(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val host = new HostPort
  })
  private val P = p.units
  private val cap = p.cap
  private val inBits = p.num.input().bits()
  private val h = io.host

  private val ctrl = Module(new Controller(p))
  private val cfgRegs = Module(new ConfigRegs(p))
  private val units = Seq.tabulate(P)(u => Module(new LluUnit(p, u)))

  h.ready := !ctrl.io.busy
  private val fire = h.valid && h.ready
  private val acc = Wire(new HostAccess)
  acc.rd := fire && h.op === Op.READ.U
  acc.wr := fire && h.op === Op.WRITE.U
  acc.region := h.addr(31, 28)
  acc.unit := h.addr(27, 20)
  acc.word := h.addr(19, 0)
  acc.wdata := h.wdata
  private def wrTo(r: Int): Bool = acc.wr && acc.region === r.U
  private def rdFrom(r: Int): Bool = acc.rd && acc.region === r.U

  // ---------------------------------------------------------------- status
  private val cycles = RegInit(0.U(64.W))
  cycles := cycles + 1.U
  private val runs = RegInit(0.U(64.W))
  private val isRunCmd = fire && h.op === Op.RUN.U
  when(isRunCmd) { runs := runs + 1.U }
  private val satCount = RegInit(VecInit(Seq.fill(SatEvents.Ids)(0.U(64.W))))
  for (id <- 0 until SatEvents.Ids) {
    val sum = units.map(_.io.sat(id)).reduce(_ +& _)
    when(wrTo(Region.STATUS) && acc.word === (16 + id).U) { satCount(id) := h.wdata }
      .otherwise { satCount(id) := satCount(id) + sum }
  }
  private val statusRd = MuxLookup(acc.word, 0.U(64.W))(
    Seq(0.U -> cycles, 1.U -> runs) ++ (0 until SatEvents.Ids).map(id => (16 + id).U -> satCount(id)))

  // ---------------------------------------------------------------- config
  cfgRegs.io.wr := wrTo(Region.CONFIG)
  cfgRegs.io.word := acc.word
  cfgRegs.io.wdata := h.wdata

  // ---------------------------------------------------------------- shared buffers
  private def fit(a: UInt, words: Int): UInt = { val b = log2Ceil(words).max(1); a.pad(b)(b - 1, 0) }
  private val input = SyncReadMem(cap.features(), UInt(inBits.W))
  private val spikeWords = cap.layers() * 2 * cap.neurons()
  private val spikes = SyncReadMem(spikeWords, Bool())
  private val outBits = Controller.outBits(p)
  private val out = SyncReadMem(cap.out(), UInt(outBits.W))
  private val idle = !ctrl.io.busy

  when(wrTo(Region.INPUT)) { input.write(fit(acc.word, cap.features()), h.wdata(inBits - 1, 0)) }
  private val inRd = input.read(Mux(idle, fit(acc.word, cap.features()), fit(ctrl.io.inRdAddr, cap.features())),
    Mux(idle, rdFrom(Region.INPUT), ctrl.io.inRdEn))
  ctrl.io.inRdData := inRd

  when(wrTo(Region.SPIKES)) { spikes.write(fit(acc.word, spikeWords), h.wdata(0)) }
    .elsewhen(ctrl.io.spkWrEn) { spikes.write(fit(ctrl.io.spkWrAddr, spikeWords), ctrl.io.spkWrData) }
  private val spkRd = spikes.read(Mux(idle, fit(acc.word, spikeWords), fit(ctrl.io.spkRdAddr, spikeWords)),
    Mux(idle, rdFrom(Region.SPIKES), ctrl.io.spkRdEn))
  ctrl.io.spkRdData := spkRd

  when(wrTo(Region.OUT)) { out.write(fit(acc.word, cap.out()), h.wdata(outBits - 1, 0)) }
    .elsewhen(ctrl.io.outWrEn) { out.write(fit(ctrl.io.outWrAddr, cap.out()), ctrl.io.outWrData) }
  private val outRd = out.read(fit(acc.word, cap.out()), rdFrom(Region.OUT))

  // ---------------------------------------------------------------- controller and units
  ctrl.io.start := fire && (h.op === Op.RUN.U || h.op === Op.BOUNDARY.U || h.op === Op.PASS2.U)
  ctrl.io.op := h.op
  ctrl.io.arg := h.wdata
  ctrl.io.runIndex := runs
  ctrl.io.glob := cfgRegs.io.glob
  ctrl.io.layers := cfgRegs.io.layers
  ctrl.io.entries := cfgRegs.io.entries
  ctrl.io.actDone := units.head.io.actDone
  ctrl.io.tableDone := units.head.io.tableDone
  ctrl.io.updDone := units.head.io.updDone
  for ((unit, u) <- units.zipWithIndex) {
    unit.io.ctl := ctrl.io.ctl
    unit.io.cfg := ctrl.io.cfg
    unit.io.host := acc
    ctrl.io.spikes(u) := unit.io.spike
    ctrl.io.thetas(u) := unit.io.theta
    ctrl.io.actives(u) := unit.io.active
  }

  // ---------------------------------------------------------------- READ: stage 1 (memories answer), stage 2 (the port)
  private val rd1 = RegNext(acc.rd, false.B)
  private val region1 = RegNext(acc.region, 0.U)
  private val unit1 = RegNext(acc.unit, 0.U)
  private val config1 = RegNext(cfgRegs.io.rdata, 0.U)
  private val status1 = RegNext(statusRd, 0.U)
  private val unitRd = MuxLookup(unit1, 0.U(64.W))(units.zipWithIndex.map { case (x, u) => u.U -> x.io.hostRdata })
  private val word1 = MuxLookup(region1, unitRd)(Seq(
    Region.CONFIG.U -> config1,
    Region.INPUT.U -> inRd.asSInt.pad(64).asUInt,
    Region.SPIKES.U -> Cat(0.U(63.W), spkRd),
    Region.OUT.U -> outRd.pad(64),
    Region.STATUS.U -> status1))
  h.rvalid := RegNext(rd1, false.B)
  h.rdata := RegNext(word1, 0.U)
}
