package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.Field

/**
 * Every rounding, saturation and pseudo-random draw of the RTL, in one place: the twins of the
 * specification in the compiler's `org.infomorph.compiler.fixed` (Fixed, Xorshift32, Log2Unit;
 * docs/llu-rule.md, preamble), each tested against it bit for bit (hw-sim's FixedOpsTest). Widths
 * grow as needed and shrink only in [[saturate]]; an operation is exact exactly when the model's
 * `long` is.
 */
object Fixed {
  /** `a >>r s` with HALF_UP rounding for a static s (s <= 0 is a left shift). */
  def roundShift(a: SInt, s: Int): SInt =
    if (s > 0) (a +& (BigInt(1) << (s - 1)).S) >> s else (a << (-s))

  /**
   * `a >>r s` (HALF_UP) for a run-time s in [lo, hi]; s <= 0 is a left shift. Shifts outside
   * [lo, hi] are not defined (the host checks them). It is [[preRoundShift]] then
   * [[finishRoundShift]], which a pipeline may put in two stages.
   */
  def roundShiftVar(a: SInt, s: SInt, lo: Int, hi: Int): SInt = finishRoundShift(preRoundShift(a, s, lo, hi), s > 0.S)

  /**
   * The barrel-shift half of [[roundShiftVar]]: `a >> (s - 1)` for s > 0 (the rounding bit is the
   * result's lowest), `a << -s` otherwise. No adder on the value, so the rounding carry chain can sit in the next stage.
   */
  def preRoundShift(a: SInt, s: SInt, lo: Int, hi: Int): SInt = preRoundShiftBy(a, preShiftAmount(s, lo, hi), lo, hi)

  /**
   * [[preRoundShift]] as one right shifter: a << L (wiring, L = max(0, -lo)) shifted right by
   * t = [[preShiftAmount]], which a pipeline may compute a cycle early. One shifter of
   * L + hi positions instead of a left and a right one and a multiplexer.
   */
  def preRoundShiftBy(a: SInt, t: UInt, lo: Int, hi: Int): SInt = {
    val l = 0 max -lo
    (if (l == 0) a else a << l) >> t
  }

  /** t of [[preRoundShiftBy]]: s - 1 + L for s > 0, s + L otherwise, in [0, L + max(hi - 1, 0)]. */
  def preShiftAmount(s: SInt, lo: Int, hi: Int): UInt =
    (Mux(s > 0.S, s -& 1.S, s) +& (0 max -lo).S).asUInt(preShiftBits(lo, hi) - 1, 0)

  /** [[preShiftAmount]] of a static s. */
  def preShiftAmount(s: Int, lo: Int, hi: Int): UInt = ((if (s > 0) s - 1 else s) + (0 max -lo)).U(preShiftBits(lo, hi).W)

  /** Bits of [[preShiftAmount]]. */
  def preShiftBits(lo: Int, hi: Int): Int = log2Ceil((0 max -lo) + (hi - 1 max 0) + 1) max 1

  /** The carry half: floor((a + 2^(s-1)) / 2^s) = floor((floor(a / 2^(s-1)) + 1) / 2) when `right`, else t. */
  def finishRoundShift(t: SInt, right: Bool): SInt = Mux(right, (t +& 1.S) >> 1, t)

  /**
   * `saturate(finishRoundShift(t, right), f)` with the compares on t, beside the rounding carry and
   * not after it: floor((t + 1) / 2) > max exactly when t > 2 max, and < min exactly when t < 2 min - 1.
   */
  def roundSaturate(t: SInt, right: Bool, f: Field): (SInt, Bool) = roundSaturateSel(t, right, 0.U, Seq(0 -> f), sbits(f))

  /**
   * [[roundSaturate]] to the field of `sel` among `fields` (sel -> field), chosen at run time: one
   * pair of compares against selected bounds, not a pair per field. A `sel` of no field passes
   * the rounded value through, without an event. The value is `bits` wide.
   */
  def roundSaturateSel(t: SInt, right: Bool, sel: UInt, fields: Seq[(Int, Field)], bits: Int): (SInt, Bool) = {
    val w = fields.map(f => sbits(f._2)).max + 2 // 2 max and 2 min - 1
    def pick(v: Field => BigInt): SInt = MuxLookup(sel, 0.S(w.W))(fields.map { case (i, f) => i.U -> v(f).S(w.W) })
    val on = fields.map(sel === _._1.U).reduce(_ || _)
    val (min, max) = (pick(f => BigInt(f.min())), pick(f => BigInt(f.max())))
    // the compares run on t's low w bits; above them, t is beyond every bound exactly when its upper bits are not its sign
    val (tw, inRange) = if (t.getWidth <= w) (t.pad(w), true.B) else {
      val top = t(t.getWidth - 1, w - 1)
      (t(w - 1, 0).asSInt, top.andR || !top.orR)
    }
    val negative = t(t.getWidth - 1)
    val hi = on && Mux(inRange, tw > Mux(right, pick(f => 2 * BigInt(f.max())), max), !negative)
    val lo = on && Mux(inRange, tw < Mux(right, pick(f => 2 * BigInt(f.min()) - 1), min), negative)
    val out = Mux(hi, max, Mux(lo, min, finishRoundShift(t, right)))
    (out.pad(bits)(bits - 1, 0).asSInt, hi || lo)
  }

  /** Clamps v to the field's range: (value `sbits(f)` wide, event). */
  def saturate(v: SInt, f: Field): (SInt, Bool) = saturate(v, BigInt(f.min()), BigInt(f.max()), sbits(f))

  /** Clamps v to [min, max], `bits` wide. */
  def saturate(v: SInt, min: BigInt, max: BigInt, bits: Int): (SInt, Bool) = {
    val hi = greaterThan(v, max)
    val lo = lessThan(v, min)
    val out = Mux(hi, max.S(bits.W), Mux(lo, min.S(bits.W), v))
    (out.pad(bits)(bits - 1, 0).asSInt, hi || lo)
  }

  /**
   * v < c for a constant c, in LUTs only: a compare as a carry chain costs the iCE40 a logic cell
   * per bit whose LUT stays empty, and the bits above a saturation bound reduce to an AND or OR.
   * In offset binary (sign bit flipped) it is unsigned: u[i:0] < k[i:0] is !u_i || (below) where
   * k_i = 1, and !u_i && (below) where k_i = 0.
   */
  def lessThan(v: SInt, c: BigInt): Bool = {
    val w = v.getWidth
    val half = BigInt(1) << (w - 1)
    if (c <= -half) false.B
    else if (c > half - 1) true.B
    else {
      val u = v.asUInt ^ (1.U << (w - 1))
      val k = c + half
      (0 until w).foldLeft(false.B)((below, i) => if (k.testBit(i)) !u(i) || below else !u(i) && below)
    }
  }

  /** v > c for a constant c, in LUTs only ([[lessThan]]). */
  def greaterThan(v: SInt, c: BigInt): Bool = !lessThan(v, c + 1)

  /** Bits that hold any value of the field as SInt. */
  def sbits(f: Field): Int = f.bits() + (if (f.signed()) 0 else 1)

  /** Marsaglia xorshift32: a draw advances the state and returns the new state. */
  def xorshift32(x: UInt): UInt = {
    val a = (x ^ (x << 13)(31, 0))(31, 0)
    val b = a ^ (a >> 17)
    (b ^ (b << 5)(31, 0))(31, 0)
  }

  /** Index of the leading one of a positive value (the model's msb). */
  def msb(x: UInt): UInt = (x.getWidth - 1).U - PriorityEncoder(Reverse(x))

  /** ceil(log2 x) for x >= 1 (the model's ceilLog2); 0 for x = 0 as for x = 1. */
  def ceilLog2(x: UInt): UInt = Mux(x <= 1.U, 0.U, msb(x - 1.U) +& 1.U)

  /** The range exponent of a batch's max|u| (the model's rangeExp): clamp(ceilLog2(mx) - af, min, max), min when mx = 0. */
  def rangeExp(mx: UInt, af: Int, min: Int, max: Int): SInt = {
    val e0 = ceilLog2(mx).zext -& af.S
    val e1 = Mux(greaterThan(e0, max), max.S, e0)
    val e2 = Mux(lessThan(e1, min), min.S, e1)
    Mux(mx === 0.U, min.S, e2)
  }

  /** Stochastic rounding (the model's stochasticShift) for a static s: (g + (d mod 2^s)) >> s, d unsigned; g << -s for s <= 0. */
  def stochasticShift(g: SInt, d: UInt, s: Int): SInt =
    if (s > 0) (g +& (d & ((BigInt(1) << s) - 1).U).zext) >> s else g << (-s)
}
