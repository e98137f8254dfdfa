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

  /**
   * Elaborates into a scratch folder, then writes one file: the top's .sv followed by the inline
   * Verilog of the memories (sorted by name); true when it changed.
   */
  private val FileMarker = "// ----- 8< ----- FILE \""

  /** firtool joins the inline memory modules into the .sv behind file markers, with a file list last: drop the lists. */
  def withoutFileLists(sv: String): String =
    sv.split(java.util.regex.Pattern.quote(FileMarker)).zipWithIndex.filter { case (part, i) => i == 0 || !part.takeWhile(_ != '"').endsWith(".f") }
      .map { case (part, i) => if (i == 0) part else FileMarker + part }.mkString

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
      val files = Files.walk(scratch).iterator().asScala.filter(f => f.toString.endsWith(".sv") || f.toString.endsWith(".v")).toList
      val (tops, rest) = files.partition(_.getFileName.toString == s"$top.sv")
      if (tops.size != 1) throw new IllegalStateException(s"expected $top.sv from firtool, got ${files.map(_.getFileName).mkString(", ")}")
      val parts = tops ++ rest.sortBy(_.getFileName.toString)
      val fresh = withoutFileLists(parts.map(f => new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.UTF_8)).mkString("\n"))
        .getBytes(java.nio.charset.StandardCharsets.UTF_8)
      val target = outDir.resolve(s"$top.sv")
      val same = Files.exists(target) && Arrays.equals(Files.readAllBytes(target), fresh)
      if (!same) {
        val tmp = scratch.resolve("joined.sv.tmp")
        Files.write(tmp, fresh)
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE)
      }
      !same
    } finally {
      Files.walk(scratch).iterator().asScala.toList.reverse.foreach(Files.deleteIfExists(_))
    }
  }
}
