package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.Field

/**
 * The table engine's bit-serial divider (docs/llu-rtl.md, "Table engine"): Q = floor((m << frac) / v)
 * saturated to the field q, 0 when m = 0, the model's `Fixed.quotient` then `clamp`. `load` takes m
 * and v; each `step` then produces one quotient bit, most significant first; after `divN` steps
 * `q` and `sat` (the Q saturation event) hold until the next load. A quotient of 2^divN or more, or
 * v = 0, saturates to the limit of the sign of m/v (2^divN exceeds |q|, TableGeometry.divN).
 *
 * @param massW  bits of m (signed)
 * @param unionW bits of v (signed)
 * @param frac   q.frac: m is shifted left by it
 * @param divN   quotient bits
 * @param qW     bits of the result (signed), enough for q
 */
class TableDivider(massW: Int, unionW: Int, frac: Int, divN: Int, q: Field, qW: Int) extends Module {
  override def desiredName = s"TableDivider_m${massW}_v${unionW}_f${frac}_n$divN"
  val io = IO(new Bundle {
    val load = Input(Bool())
    val m = Input(SInt(massW.W))
    val v = Input(SInt(unionW.W))
    val step = Input(Bool())
    val q = Output(SInt(qW.W))
    val sat = Output(Bool())
  })
  private val rem = RegInit(0.U((massW + frac + 1).W))
  private val dsr = RegInit(0.U((unionW + divN).W))
  private val quo = RegInit(0.U(divN.W))
  private val neg = RegInit(false.B)
  private val ovf = RegInit(false.B)
  private val zero = RegInit(false.B)
  when(io.load) {
    val an = io.m.abs.asUInt << frac
    val bn = io.v.abs.asUInt
    rem := an
    dsr := bn << (divN - 1)
    zero := io.m === 0.S
    neg := (io.m < 0.S) =/= (io.v < 0.S)
    ovf := an >= (bn << divN)
    quo := 0.U
  }
  when(io.step) {
    val ge = rem >= dsr
    when(ge) { rem := rem - dsr }
    quo := Cat(quo(divN - 2, 0), ge)
    dsr := dsr >> 1
  }
  private val (qMin, qMax) = (BigInt(q.min()), BigInt(q.max()))
  private val value = Mux(neg, -((quo +& (rem =/= 0.U)).zext), quo.zext)
  private val (sv, e) = Fixed.saturate(value, qMin, qMax, qW)
  io.q := Mux(zero, 0.S(qW.W), Mux(ovf, Mux(neg, qMin.S(qW.W), qMax.S(qW.W)), sv))
  io.sat := !zero && (ovf || e)
}

/**
 * The table engine's log2 (the model's `Log2Unit.of`): L(x) = (msb(x) << lf) + corr(t), t the lf
 * bits below the leading one; corr = t (Mitchell, `lut` empty) or lut[i] + ((lut[i+1] - lut[i]) f >> fb),
 * the product formed by the engine's shared multiplier. Three cycles from `start`: 0 normalise x and
 * read the mantissa table, 1 `mulA` x `mulB` go to the multiplier, 2 `value` is L(x) from its
 * registered product `prod` (and holds while the unit and the product are left alone).
 *
 * @param xW    bits of x (unsigned, x > 0)
 * @param lf    log2.frac
 * @param lut   the K + 1 mantissa-table entries (ArchTables.log2Mantissa), empty for Mitchell
 * @param style the memory style of the table
 */
class TableLog2(xW: Int, lf: Int, lut: Seq[Int], style: String) extends Module {
  override def desiredName = s"TableLog2_x${xW}_f${lf}_k${lut.length}"
  private val lutK = if (lut.isEmpty) 0 else log2Ceil(lut.length - 1)
  private val fb = lf - lutK
  val io = IO(new Bundle {
    val start = Input(Bool())
    val x = Input(UInt(xW.W))
    val mulA = Output(SInt(ArchMul.Bits.W))
    val mulB = Output(SInt(ArchMul.Bits.W))
    val prod = Input(SInt((2 * ArchMul.Bits).W))
  })
  private val rom = if (lut.isEmpty) None else Some(new Rom("log2", lut.init.zip(lut.tail).map { case (x, y) => (BigInt(y - x) << 24) | BigInt(x) }, org.infomorph.compiler.rtl.RtlMemories.LOG2_ROM_BITS, style))
  private val msbR = RegInit(0.U(6.W))
  private val tR = RegInit(0.U(lf.W))
  when(io.start) {
    val w = xW max (lf + 1)
    val xn = io.x.pad(w)
    val msb = Fixed.msb(xn)
    val y = (xn << ((w - 1).U - msb))(w - 1, 0)
    val t = y(w - 2, w - 1 - lf)
    msbR := msb
    tR := t
    rom.foreach(_.read(t(lf - 1, fb)))
  }
  private val romLo = rom.map(_.rdata(23, 0).zext).getOrElse(0.S)
  private val romDiff = rom.map(_.rdata(39, 24).zext).getOrElse(0.S)
  private val f = if (fb > 0) tR(fb - 1, 0) else 0.U
  io.mulA := (if (lut.isEmpty) 0.S else romDiff(15, 0).asSInt)
  io.mulB := f.zext
  private val corr = if (lut.isEmpty) tR.zext else romLo +& (io.prod >> fb)
  private val l = (msbR << lf).zext +& corr
  /** L(x), as wide as its expression */
  val value = IO(Output(chiselTypeOf(l)))
  value := l
}
