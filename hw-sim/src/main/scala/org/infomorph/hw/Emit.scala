package org.infomorph.hw

import java.nio.file.{Files, Path, Paths, StandardCopyOption}
import java.util.Arrays
import scala.jdk.CollectionConverters._

/**
 * Emits `LluArray.sv` for a generator.json: `Emit <generator.json> <output dir>`. The file is
 * replaced only when its content changed, so its timestamp stays put and make skips the C++.
 */
object Emit {
  val Top = "LluArray"

  /** firtool options (toolchain notes): no randomisation, no debug info, yosys-friendly lowering. */
  val FirtoolOptions: Array[String] = Array(
    "-disable-all-randomization",
    "-strip-debug-info",
    "--lowering-options=disallowLocalVariables,disallowPackedArrays,locationInfoStyle=wrapInAtSquareBracket")

  def main(args: Array[String]): Unit = {
    if (args.length != 2) {
      System.err.println("usage: Emit <generator.json> <output dir>")
      sys.exit(2)
    }
    val changed = emit(Paths.get(args(0)), Paths.get(args(1)))
    println(s"$Top.sv ${if (changed) "written" else "unchanged"}")
  }

  /** Elaborates into a scratch folder, then copies the single .sv out; true when it changed. */
  def emit(generatorJson: Path, outDir: Path): Boolean = {
    val p = GenParams.read(generatorJson)
    emitTop(new LluArray(p), Top, outDir)
  }

  /** Elaborates `gen` into a scratch folder and moves the single .sv to `outDir/<top>.sv` when it changed. */
  def emitTop(gen: => chisel3.RawModule, top: String, outDir: Path): Boolean = {
    Files.createDirectories(outDir)
    val scratch = Files.createTempDirectory(outDir, "emit-")
    try {
      circt.stage.ChiselStage.emitSystemVerilogFile(gen, Array("--target-dir", scratch.toString), FirtoolOptions)
      val svs = Files.list(scratch).iterator().asScala.filter(_.toString.endsWith(".sv")).toList
      if (svs.size != 1) throw new IllegalStateException(s"expected one .sv from firtool, got ${svs.map(_.getFileName).mkString(", ")}")
      val target = outDir.resolve(s"$top.sv")
      val fresh = Files.readAllBytes(svs.head)
      val same = Files.exists(target) && Arrays.equals(Files.readAllBytes(target), fresh)
      if (!same) Files.move(svs.head, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
      !same
    } finally {
      Files.walk(scratch).iterator().asScala.toList.reverse.foreach(Files.deleteIfExists(_))
    }
  }
}
