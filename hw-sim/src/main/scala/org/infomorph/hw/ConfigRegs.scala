package org.infomorph.hw

import chisel3._
import chisel3.util._

/** Global CONFIG registers 0..4 (docs/llu-rtl.md, "CONFIG registers"), full 64-bit words. */
class GlobalConfig(p: GenParams) extends Bundle {
  val layers = UInt(64.W)
  val entries = UInt(64.W)
  /** class index, or negative: no label */
  val label = SInt(64.W)
  val features = UInt(64.W)
  val classes = UInt(64.W)
}

/** One source of a program entry: where its inputs come from. */
class EntrySource(p: GenParams) extends Bundle {
  val kind = UInt(2.W)
  val layer = UInt(ConfigRegs.indexBits(p.cap.layers()).W)
  val bank = UInt(1.W)
}

object SourceKind {
  val INPUT = 0; val LABEL = 1; val SPIKES = 2; val ZEROS = 3
}

/** One program entry (CONFIG 1024 + 16 e). */
class EntryConfig(p: GenParams) extends Bundle {
  val layer = UInt(ConfigRegs.indexBits(p.cap.layers()).W)
  val last = Bool()
  val output = Bool()
  val bank = UInt(1.W)
  val outBase = UInt(20.W)
  val src = Vec(3, new EntrySource(p))
}

/**
 * The CONFIG register file. The global words are full 64-bit registers; layer and entry writes go
 * straight into the decoded bundles (each field keeps its own width, truncated like any write, so
 * a read returns the field, sign-extended when signed). Words that hold no field read as 0.
 */
class ConfigRegs(p: GenParams) extends Module {
  private val nLayers = p.cap.layers()
  private val nEntries = ConfigRegs.entries(p)
  require(ConfigRegs.LayerBase + ConfigRegs.LayerStride * nLayers <= ConfigRegs.EntryBase,
    s"capacity.layers = $nLayers: layer registers would reach the program entries (at most 7 layers)")

  val io = IO(new Bundle {
    val wr = Input(Bool())
    val word = Input(UInt(20.W))
    val wdata = Input(UInt(64.W))
    /** the register at `word`, combinational */
    val rdata = Output(UInt(64.W))
    val glob = Output(new GlobalConfig(p))
    val layers = Output(Vec(nLayers, new LayerConfig(p)))
    val entries = Output(Vec(nEntries, new EntryConfig(p)))
  })

  private val glob = RegInit(0.U.asTypeOf(new GlobalConfig(p)))
  private val layers = RegInit(0.U.asTypeOf(Vec(nLayers, new LayerConfig(p))))
  private val entries = RegInit(0.U.asTypeOf(Vec(nEntries, new EntryConfig(p))))
  io.glob := glob
  io.layers := layers
  io.entries := entries

  private def load(d: Data, v: UInt): Unit = d match {
    case s: SInt => s := v(s.getWidth - 1, 0).asSInt
    case b: Bool => b := v(0)
    case u: UInt => u := v(u.getWidth - 1, 0)
    case _ => throw new IllegalArgumentException("not a field")
  }
  private def value(d: Data): UInt = d match {
    case s: SInt => s.pad(64).asUInt
    case b: Bool => Cat(0.U(63.W), b)
    case u: UInt => u.pad(64)
    case _ => throw new IllegalArgumentException("not a field")
  }
  /** (offset, register) of one address block; `set`/`get` override a field that is not a plain register. */
  private def block(fields: Seq[(Int, Data)], hit: Bool, off: UInt): UInt = {
    for ((o, d) <- fields) when(io.wr && hit && off === o.U) { load(d, io.wdata) }
    MuxLookup(off, 0.U(64.W))(fields.map { case (o, d) => o.U -> value(d) })
  }

  private val globFields = Seq(0 -> glob.layers, 1 -> glob.entries, 2 -> glob.label, 3 -> glob.features, 4 -> glob.classes)
  private val globRd = block(globFields, io.word < ConfigRegs.LayerBase.U, io.word)

  private val lRel = io.word - ConfigRegs.LayerBase.U
  private val lIdx = lRel >> log2Ceil(ConfigRegs.LayerStride)
  private val lOff = lRel(log2Ceil(ConfigRegs.LayerStride) - 1, 0)
  private val lHit = io.word >= ConfigRegs.LayerBase.U && io.word < (ConfigRegs.LayerBase + ConfigRegs.LayerStride * nLayers).U
  private val layerRd = (layers.zipWithIndex.map { case (l, i) => block(ConfigRegs.layerFields(l), lHit && lIdx === i.U, lOff) })

  private val eRel = io.word - ConfigRegs.EntryBase.U
  private val eIdx = eRel >> log2Ceil(ConfigRegs.EntryStride)
  private val eOff = eRel(log2Ceil(ConfigRegs.EntryStride) - 1, 0)
  private val eHit = io.word >= ConfigRegs.EntryBase.U && io.word < (ConfigRegs.EntryBase + ConfigRegs.EntryStride * nEntries).U
  private val entryRd = (entries.zipWithIndex.map { case (e, i) =>
    val hit = eHit && eIdx === i.U
    // flags: bit 0 last, bit 1 output
    when(io.wr && hit && eOff === 1.U) {
      e.last := io.wdata(0)
      e.output := io.wdata(1)
    }
    val rest = block(ConfigRegs.entryFields(e), hit, eOff)
    Mux(eOff === 1.U, Cat(0.U(62.W), e.output, e.last), rest)
  })

  io.rdata := Mux(io.word < ConfigRegs.LayerBase.U, globRd,
    Mux(lHit, ConfigRegs.select(layerRd, lIdx), Mux(eHit, ConfigRegs.select(entryRd, eIdx), 0.U)))
}

object ConfigRegs {
  val LayerBase = 64
  val LayerStride = 128
  val EntryBase = 1024
  val EntryStride = 16

  def entries(p: GenParams): Int = 2 * p.cap.layers()

  /** xs(i) as a mux chain (firtool's packed-array lowering is avoided for any length). */
  def select[T <: Data](xs: Seq[T], i: UInt): T = MuxLookup(i, xs.head)(xs.zipWithIndex.map { case (x, n) => n.U -> x })
  def indexBits(n: Int): Int = math.max(1, log2Ceil(n))
  def countBits(n: Int): Int = log2Ceil(n + 1)

  /** Layer register offsets (docs/llu-rtl.md, layer L at 64 + 128 L). */
  def layerFields(l: LayerConfig): Seq[(Int, Data)] =
    Seq(0 -> l.neurons, 1 -> l.slots, 2 -> l.sources, 3 -> l.schneider, 4 -> l.bias, 5 -> l.cells, 6 -> l.prngBase,
      7 -> l.histBase, 8 -> l.rangeBase, 9 -> l.pass2Base) ++
      l.k.indices.map(i => (10 + i) -> l.k(i)) ++ Seq(17 -> l.gammaBottom, 18 -> l.invLn2) ++
      l.beta.indices.map(i => (20 + i) -> l.beta(i)) ++
      l.src.indices.flatMap { k =>
        val s = l.src(k)
        Seq(s.size, s.weightFrac, s.productShift, s.fixed, s.weightBase, s.biasBase, s.gradBase, s.gradBiasBase, s.velBase, s.velBiasBase)
          .zipWithIndex.map { case (d, f) => (40 + 12 * k + f) -> d }
      }

  /** Entry register offsets (1024 + 16 e); the flags word (1) is handled apart. */
  def entryFields(e: EntryConfig): Seq[(Int, Data)] =
    Seq(0 -> e.layer, 2 -> e.bank, 3 -> e.outBase) ++
      e.src.indices.flatMap(k => Seq((4 + 3 * k) -> e.src(k).kind, (5 + 3 * k) -> e.src(k).layer, (6 + 3 * k) -> e.src(k).bank))
}
