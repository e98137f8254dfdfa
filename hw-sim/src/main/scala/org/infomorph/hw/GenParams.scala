package org.infomorph.hw

import java.nio.file.Path
import org.infomorph.compiler.arch.{ArchConfig, ArchTables, LatticeTables, LayerConstants, NeuronProgram, Numerics}
import org.infomorph.compiler.rtl.{Capacity, GeneratorParams, RtlLayout}

/**
 * The generator parameters as the Chisel code sees them: the Java [[GeneratorParams]] (the one
 * source of every width) plus derived constants. Nothing here restates a width.
 */
final case class GenParams(g: GeneratorParams) {
  val arch: ArchConfig = g.arch()
  val num: Numerics = arch.numerics()
  val units: Int = g.units()
  val lanesPerWord: Int = g.lanesPerWord()
  val groups: Int = g.laneGroups()
  val cap: Capacity = g.capacity()
  val fault: Int = g.fault()
  val learning: Boolean = g.learning()
  val stochastic: Boolean = g.stochasticSpikes()
  val tables: ArchTables = ArchTables.of(arch)
  val sigmoidLut: Seq[Int] = tables.sigmoid().toSeq
  val log2Lut: Seq[Int] = tables.log2Mantissa().toSeq
  val bins: Int = arch.bins()
  val binsExp: Int = arch.binsExp()
  val maxSources: Int = cap.sources()
  val maxCells: Int = 1 << (binsExp * maxSources)
  val laneBits: Int = num.weightBits()
  val prngWords: Int = RtlLayout.prngWords(arch)
  val biasWords: Int = RtlLayout.biasWords(arch)
  val xBits: Int = num.xBits()
  val thetaBits: Int = num.theta().bits()
  val updateShift: Int = arch.updateShift()
  val rangeBits: Int = org.infomorph.compiler.rtl.RtlMemories.RANGE_EXP_BITS
  /** the neuron programs this build runs: both kinds, or Graetz only when no layer has 3 sources */
  val programs: Seq[NeuronProgram] =
    (if (maxSources == 3) Seq(LayerConstants.Kind.GRAETZ, LayerConstants.Kind.SCHNEIDER) else Seq(LayerConstants.Kind.GRAETZ))
      .map(k => NeuronProgram.of(arch, k))
  val lattice2: LatticeTables = LatticeTables.of(2)
  val lattice3: LatticeTables = LatticeTables.of(3)
  def style(name: String): String = g.style(name)
}

object GenParams {
  def read(file: Path): GenParams = GenParams(GeneratorParams.read(file))
}
