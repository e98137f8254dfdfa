package org.infomorph.hw

import chisel3._
import chisel3.util._
import org.infomorph.compiler.arch.Field

/**
 * Every rounding and saturation of the RTL, in one place (docs/llu-rule.md preamble, mirrored by
 * the model's FixedMath). Values are SInt and grow as needed, so an intermediate is exact exactly
 * when the model's `long` is; widths shrink only in [[saturate]].
 */
object Fixed {
  /** `a >>r s` with HALF_UP rounding for a static s (s <= 0 is a left shift). */
  def roundShift(a: SInt, s: Int): SInt =
    if (s > 0) (a +& (BigInt(1) << (s - 1)).S) >> s else (a << (-s))

  /**
   * `a >>r s` for a run-time shift s in [lo, hi] (a mux over the static shifts), `outBits` wide.
   * Out-of-range shifts give 0; the host checks ranges before loading.
   */
  def roundShiftDyn(a: SInt, s: SInt, lo: Int, hi: Int, outBits: Int): SInt = {
    val out = WireDefault(0.S(outBits.W))
    for (k <- lo to hi) when(s === k.S) { out := roundShift(a, k) }
    out
  }

  /** Floor shift right by a run-time s in [0, hi]. */
  def floorShiftDyn(a: SInt, s: UInt, hi: Int): SInt = {
    val out = WireDefault(a)
    for (k <- 1 to hi) when(s === k.U) { out := a >> k }
    out
  }

  /** Clamps v to the field's range: (value `f.bits` wide, sign-extended as SInt; event). */
  def saturate(v: SInt, f: Field): (SInt, Bool) = saturate(v, f.min(), f.max(), f.bits() + (if (f.signed()) 0 else 1))

  /** Clamps v to [min, max], `bits` wide. */
  def saturate(v: SInt, min: BigInt, max: BigInt, bits: Int): (SInt, Bool) = {
    val hi = v > max.S
    val lo = v < min.S
    val out = Mux(hi, max.S(bits.W), Mux(lo, min.S(bits.W), v))
    (out(bits - 1, 0).asSInt, hi || lo)
  }

  /** The range of a field as a (min, max) pair. */
  def range(f: Field): (BigInt, BigInt) = (BigInt(f.min()), BigInt(f.max()))

  /** Bits that hold any value of the field as SInt. */
  def sbits(f: Field): Int = f.bits() + (if (f.signed()) 0 else 1)

  /** Marsaglia xorshift32: a draw advances the state and returns the new state. */
  def xorshift32(x: UInt): UInt = {
    val a = x ^ (x << 13)(31, 0)
    val b = a ^ (a >> 17)
    (b ^ (b << 5)(31, 0))(31, 0)
  }

  /** Index of the leading one of a positive value (the model's msb). */
  def msb(x: UInt): UInt = (x.getWidth - 1).U - PriorityEncoder(Reverse(x))
}
