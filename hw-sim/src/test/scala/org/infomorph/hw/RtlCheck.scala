package org.infomorph.hw

import java.nio.file.{Files, Path, Paths}
import java.util.Random
import scala.collection.mutable.ArrayBuffer
import chisel3._
import chisel3.simulator._
import org.infomorph.compiler.arch.{ArchConfig, Field, LearningRule, Luts, Numerics}
import org.infomorph.compiler.rtl.{Capacity, GeneratorParams}
import org.junit.jupiter.api.Assertions.assertEquals
import svsim._

/**
 * Chisel's own simulator (svsim + Verilator) for the RTL unit tests: each harness is elaborated,
 * built by Verilator under target/svsim/NAME and driven through its ports. A [[Checker]] compares
 * every output with the Java specification and reports the first mismatches.
 */
class RtlSim(name: String) extends SingleBackendSimulator[verilator.Backend] {
  val workspacePath: String = {
    val root = Paths.get(sys.props.getOrElse("infomorph.hwsim.work", "target/svsim"))
    Files.createDirectories(root)
    root.resolve(name).toString
  }
  val backend: verilator.Backend = verilator.Backend.initializeFromProcessEnvironment()
  val tag = "default"
  val commonCompilationSettings: CommonCompilationSettings = CommonCompilationSettings()
  val backendSpecificCompilationSettings: verilator.Backend.CompilationSettings = verilator.Backend.CompilationSettings()
}

/** Collects mismatches between RTL outputs and expected values; `assertClean` fails with the first few. */
final class Checker(what: String) {
  private val bad = ArrayBuffer[String]()
  private var n = 0L
  /** Queues a check of `port` (read signed or not) against `expected`; `inputs` describes the vector. */
  def check(port: Simulation.Port, signed: Boolean, expected: BigInt, op: String, inputs: => String): Unit = {
    n += 1
    port.check(signed) { v =>
      if (v.asBigInt != expected) {
        if (bad.size < 8) bad += s"$op($inputs): RTL ${v.asBigInt}, spec $expected"
        else bad += ""
      }
    }
  }
  private var pending = 0L
  /**
   * Waits for the answers once several hundred checks are queued: svsim writes commands and reads
   * answers through pipes, and a writer that never reads fills them and deadlocks.
   */
  def drain(ctl: Simulation.Controller): Unit =
    if (n - pending >= 512) {
      ctl.completeInFlightCommands()
      pending = n
    }
  def checked: Long = n
  def assertClean(): Unit =
    assertEquals(0, bad.size, s"$what: ${bad.size} of $n checks differ from the Java specification, first: ${bad.filter(_.nonEmpty).mkString("; ")}")
}

/** Random test values: uniform over a range, with the edges mixed in (one draw in four). */
final class Vectors(seed: Long) {
  private val rnd = new Random(seed)
  def int(n: Int): Int = rnd.nextInt(n)
  def bits32(): Int = rnd.nextInt()
  /** uniform in [lo, hi] */
  def uniform(lo: BigInt, hi: BigInt): BigInt = {
    val span = hi - lo + 1
    var r = BigInt(span.bitLength + 8, rnd)
    lo + r.mod(span)
  }
  /** uniform in [lo, hi], or (one in four) one of the edges lo, hi, 0, +-1, lo + 1, hi - 1, or an extra edge, within [lo, hi] */
  def withEdges(lo: BigInt, hi: BigInt, extra: Seq[BigInt] = Seq()): BigInt =
    if (rnd.nextInt(4) != 0) uniform(lo, hi)
    else {
      val edges = (Seq(lo, hi, lo + 1, hi - 1, BigInt(0), BigInt(1), BigInt(-1)) ++ extra).filter(e => e >= lo && e <= hi)
      edges(rnd.nextInt(edges.size))
    }
  /** a signed value of `bits` bits, with edges */
  def signed(bits: Int, extra: Seq[BigInt] = Seq()): BigInt = withEdges(-(BigInt(1) << (bits - 1)), (BigInt(1) << (bits - 1)) - 1, extra)
  /** an unsigned value of `bits` bits, with edges */
  def unsigned(bits: Int, extra: Seq[BigInt] = Seq()): BigInt = withEdges(0, (BigInt(1) << bits) - 1, extra)
  /** a value whose magnitude is spread over all scales: a random bit length, then uniform below it */
  def anyScale(bits: Int): BigInt = {
    val len = 1 + rnd.nextInt(bits - 1)
    val mag = uniform(0, (BigInt(1) << len) - 1)
    if (rnd.nextBoolean()) -mag else mag
  }
}

/** The architectures under test: ArchConfig's defaults and a narrow one that changes every width the units see. */
object TestArchs {
  def capacity(sources: Int): Capacity = {
    val m = Capacity.MIN
    new Capacity(1, m, m, m, m, m, m, m, sources)
  }

  val default: GenParams = GenParams(GeneratorParams.simulation(ArchConfig.defaults(), 1, capacity(3)))

  /**
   * The synthesis smoke configuration's narrow fields and 2 bins (runtime's SimTestParams.SMALL),
   * with a 16-entry log2 table and two sources.
   */
  val narrow: GenParams = {
    val d = ArchConfig.defaults()
    val n = new Numerics(Field.signed(6, 4), 6, 3, 10, 16, Field.signed(10, 6), Field.unsigned(6, 6), Field.signed(10, 8),
      Field.unsigned(8, 0), Field.unsigned(12, 6), Field.signed(12, 6), Field.unsigned(8, 6), Field.signed(10, 6), Field.signed(10, 4),
      Field.signed(8, 6), 16)
    val a = d.withNumerics(n).withBins(2).withLearning(LearningRule.defaults().withBatchExp(4))
      .withLuts(new Luts(d.luts().sigmoidEntries(), d.luts().sigmoidRangeExp(), 16))
    GenParams(GeneratorParams.simulation(a, 1, capacity(2)))
  }

  /** The default widths with Mitchell's log2 (no mantissa table). */
  val mitchell: GenParams = {
    val d = ArchConfig.defaults()
    GenParams(GeneratorParams.simulation(d.withLuts(new Luts(d.luts().sigmoidEntries(), d.luts().sigmoidRangeExp(), 0)), 1, capacity(3)))
  }
}
