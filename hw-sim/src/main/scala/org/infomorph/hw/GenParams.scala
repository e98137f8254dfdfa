package org.infomorph.hw

import java.nio.file.Path
import org.infomorph.compiler.arch.{ArchConfig, ArchTables, Field, LatticeTables, Numerics}
import org.infomorph.compiler.rtl.{Capacity, GeneratorParams}

/**
 * The generator parameters as the Chisel code sees them: the Java [[GeneratorParams]] (the one
 * source of every width) plus derived constants. Nothing here restates a width.
 */
final case class GenParams(g: GeneratorParams) {
  val arch: ArchConfig = g.arch()
  val num: Numerics = arch.numerics()
  val units: Int = g.units()
  val cap: Capacity = g.capacity()
  val fault: Int = g.fault()
  val tables: ArchTables = ArchTables.of(arch)
  val sigmoidLut: Seq[Int] = tables.sigmoid().toSeq
  val log2Lut: Seq[Int] = tables.log2Mantissa().toSeq
  val bins: Int = arch.bins()
  val binsExp: Int = arch.binsExp()
  val batchExp: Int = arch.learning().batchExp()
  val batch: Int = 1 << batchExp
  val sameBatch: Boolean = arch.learning().table() == org.infomorph.compiler.arch.TableMode.SAME_BATCH
  val momentumShift: Int = arch.learning().momentumShift()
  val maxCells: Int = 1 << (binsExp * 3)
  val lattice2: LatticeTables = LatticeTables.of(2)
  val lattice3: LatticeTables = LatticeTables.of(3)
  /** Bits of a memory word of each region (docs/llu-rtl.md, regions). */
  val gradBits: Int = 32
  val rangeBits: Int = 8
  val cellBits: Int = 16
  def addrBits(words: Int): Int = Capacity.bits(words)
}

object GenParams {
  def read(file: Path): GenParams = GenParams(GeneratorParams.read(file))
}
