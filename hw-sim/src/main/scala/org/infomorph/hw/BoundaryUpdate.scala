package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The batch-boundary update of one slot, bit for bit the model's LayerBoundary.update(L, j) plus
 * the end of LayerBoundary.run for that neuron (docs/llu-rule.md sections 3 and 6-7):
 *  - for each non-fixed source k in order, the weights i ascending, then the bias item: a masked
 *    weight only clears its gradient; otherwise one PRNG draw, stochastic rounding of the gradient,
 *    optional momentum, saturating add, gradient := 0. The bias item draws and updates only when
 *    the layer has biases; its gradient is cleared either way. Fixed sources are skipped.
 *  - the PRNG word is written back;
 *  - in parallel (other memories): the neuron's histogram is cleared, and for every source the
 *    range exponent is set from MAXABS (NeuronLayer.updateRanges) and MAXABS := 0.
 * Every parameter takes [[BoundaryUpdate.perParam]] cycles: the GRAD port serves one access per
 * cycle, and a parameter needs a read and a clear of its gradient (plus a read and a write of its
 * velocity with momentum).
 *
 * If `start` is high in cycle t, `done` pulses in cycle t + [[BoundaryUpdate.cycles]]. `cfg` must
 * stay stable until `done`; `slot` and `active` are latched at `start`.
 */
class BoundaryUpdate(p: GenParams) extends Module {
  val io = IO(new Bundle {
    val start = Input(Bool())
    val cfg = Input(new LayerConfig(p))
    val slot = Input(UInt(20.W))
    val active = Input(Bool())
    val done = Output(Bool())
    val weight = new MemPort(p.addrBits(p.cap.weights()), p.num.weightBits())
    val mask = new MemPort(p.addrBits(p.cap.weights()), 1)
    val bias = new MemPort(p.addrBits(p.cap.biases()), p.num.biasBits())
    val grad = new MemPort(p.addrBits(p.cap.grads()), p.gradBits)
    val prng = new MemPort(p.addrBits(p.cap.slots()), 32)
    val count = new MemPort(p.addrBits(p.cap.hist()), p.num.count().bits())
    val soft = new MemPort(p.addrBits(p.cap.hist()), p.num.softSum().bits())
    val range = new MemPort(p.addrBits(p.cap.ranges()), p.rangeBits)
    val maxAbs = new MemPort(p.addrBits(p.cap.ranges()), p.num.activation().bits())
    val sat = Output(new SatEvents)
  })
  for (m <- Seq(io.weight, io.mask, io.bias, io.grad, io.prng, io.count, io.soft, io.range, io.maxAbs)) m.idle()
  io.sat := SatEvents.none
  io.done := false.B

  private val num = p.num
  private val lr = p.arch.learning()
  private val momentum = p.momentumShift > 0
  private val perParam = BoundaryUpdate.perParam(p)
  /** the weight shift is wShift0 − weightFrac_k, the bias shift bShift0 − weightFrac_k */
  private val bShift0 = num.error().frac() + lr.batchExp() - lr.learningRateExp()
  private val wShift0 = bShift0 + num.input().frac()
  private val shiftW = 2 + (log2Ceil(math.abs(wShift0) max math.abs(bShift0) max 1) max 8)

  private val slot = Reg(UInt(20.W))
  private val act = Reg(Bool())
  private val s3 = Reg(Bool())
  private val nSrc = Mux(s3, 3.U, 2.U)

  // ---------------------------------------------------------------- weights and biases
  private val M = BoundaryUpdate.Main
  private val state = RegInit(M.idle)
  private val k = Reg(UInt(2.W))
  private val i = Reg(UInt(21.W))
  private val step = Reg(UInt(2.W))
  private val off = Reg(UInt(40.W))
  private val sw = Reg(SInt(shiftW.W))
  private val sb = Reg(SInt(shiftW.W))
  private val prngState = Reg(UInt(32.W))
  private val src = io.cfg.src(k)
  private val isBias = i === src.size

  private def at(base: UInt, o: UInt, w: Int): UInt = (base +& o)(w - 1, 0)
  private val wAddr = at(src.weightBase, off + i, io.weight.addr.getWidth)
  private val gAddr = Mux(isBias, at(src.gradBiasBase, slot, io.grad.addr.getWidth), at(src.gradBase, off + i, io.grad.addr.getWidth))
  private val vAddr = Mux(isBias, at(src.velBiasBase, slot, io.grad.addr.getWidth), at(src.velBase, off + i, io.grad.addr.getWidth))
  private val bAddr = at(src.biasBase, slot, io.bias.addr.getWidth)

  // step 0 reads the parameter, its mask and its gradient (with momentum, step 1 the velocity)
  private val gReg = Reg(SInt(32.W))
  private val oldReg = Reg(SInt(num.biasBits().max(num.weightBits()).W))
  private val maskReg = Reg(Bool())
  private val rdOld = Mux(isBias, io.bias.rdata.asSInt.pad(oldReg.getWidth), io.weight.rdata.asSInt.pad(oldReg.getWidth))
  private val computeStep = (perParam - 1 - (if (momentum) 1 else 0)).U
  private val g = if (momentum) gReg else io.grad.rdata.asSInt
  private val old = if (momentum) oldReg else rdOld
  private val maskOn = if (momentum) maskReg else io.mask.rdata(0)

  private val draw = Fixed.xorshift32(prngState)
  private val delta0 = BoundaryUpdate.stochasticShift(g, draw, Mux(isBias, sb, sw))
  private val (delta, momentumEvent) =
    if (!momentum) (delta0, false.B)
    else {
      // v = sat32(v − (v >> M) + Δ); Java's int shift takes M mod 32
      val v = io.grad.rdata.asSInt
      val nv = BoundaryUpdate.wrap64(v -& (v >> (p.momentumShift & 31)) +& delta0)
      val (vs, e) = Fixed.saturate(nv, BigInt(Int.MinValue), BigInt(Int.MaxValue), 32)
      (vs.pad(64), e)
    }
  private val sum = BoundaryUpdate.wrap64(old +& delta)
  private val (newW, wEvent) = Fixed.saturate(sum, BigInt(-1) << (num.weightBits() - 1), (BigInt(1) << (num.weightBits() - 1)) - 1, num.weightBits())
  private val (newB, bEvent) = Fixed.saturate(sum, BigInt(-1) << (num.biasBits() - 1), (BigInt(1) << (num.biasBits() - 1)) - 1, num.biasBits())
  private val drawNow = Mux(isBias, io.cfg.bias, maskOn)

  switch(state) {
    is(M.idle) {
      when(io.start) {
        slot := io.slot
        act := io.active
        s3 := io.cfg.sources === 3.U
        state := M.prngRd
      }
    }
    is(M.prngRd) {
      io.prng.en := true.B
      io.prng.addr := at(io.cfg.prngBase, slot, io.prng.addr.getWidth)
      state := M.prngCap
    }
    is(M.prngCap) {
      prngState := io.prng.rdata
      k := 0.U
      state := M.setup
    }
    is(M.setup) {
      when(k >= nSrc || src.fixed) {
        when(k === 2.U) { state := M.prngWr } .otherwise { k := k + 1.U }
      } .otherwise {
        off := slot * src.size
        sw := wShift0.S -& src.weightFrac
        sb := bShift0.S -& src.weightFrac
        i := 0.U; step := 0.U
        state := M.items
      }
    }
    is(M.items) {
      step := step + 1.U
      when(step === 0.U) {
        io.mask.en := !isBias; io.mask.addr := wAddr
        io.weight.en := !isBias; io.weight.addr := wAddr
        io.bias.en := isBias; io.bias.addr := bAddr
        io.grad.en := true.B; io.grad.addr := gAddr
      }
      if (momentum) when(step === 1.U) {
        gReg := io.grad.rdata.asSInt
        oldReg := rdOld
        maskReg := io.mask.rdata(0)
        io.grad.en := true.B; io.grad.addr := vAddr
      }
      when(step === computeStep) {
        when(drawNow) {
          prngState := draw
          when(act) {
            when(isBias) {
              io.bias.en := true.B; io.bias.we := true.B; io.bias.addr := bAddr; io.bias.wdata := newB.asUInt
              io.sat.n(SatEvents.BIAS) := bEvent
            } .otherwise {
              io.weight.en := true.B; io.weight.we := true.B; io.weight.addr := wAddr; io.weight.wdata := newW.asUInt
              io.sat.n(SatEvents.WEIGHT) := wEvent
            }
            if (momentum) {
              io.grad.en := true.B; io.grad.we := true.B; io.grad.addr := vAddr; io.grad.wdata := delta(31, 0)
              io.sat.n(SatEvents.MOMENTUM) := momentumEvent
            }
          }
        }
      }
      when(step === (perParam - 1).U) {
        io.grad.en := act; io.grad.we := act; io.grad.addr := gAddr; io.grad.wdata := 0.U
        step := 0.U
        when(isBias) {
          when(k === 2.U) { state := M.prngWr } .otherwise { k := k + 1.U; state := M.setup }
        } .otherwise { i := i + 1.U }
      }
    }
    is(M.prngWr) {
      io.prng.en := act; io.prng.we := act
      io.prng.addr := at(io.cfg.prngBase, slot, io.prng.addr.getWidth)
      io.prng.wdata := prngState
      state := M.fin
    }
    is(M.fin) {}
  }

  // ---------------------------------------------------------------- histogram and ranges
  private val H = BoundaryUpdate.Hist
  private val hState = RegInit(H.idle)
  private val hOff = Reg(UInt(36.W))
  private val rOff = Reg(UInt(22.W))
  private val hc = Reg(UInt(log2Ceil(p.maxCells + 1).W))
  private val rk = Reg(UInt(2.W))
  private val rStep = Reg(Bool())
  private val lastCell = Mux(s3, (p.bins * p.bins * p.bins - 1).U, (p.bins * p.bins - 1).U)
  private val hAddr = at(io.cfg.histBase, hOff + hc, io.count.addr.getWidth)
  private val rAddr = at(io.cfg.rangeBase, rOff + rk, io.range.addr.getWidth)

  // e = minRangeExp when m = 0, else clamp(ceilLog2(m) − activation.frac, min, max)
  private val m = io.maxAbs.rdata
  private val ceilLog2 = Mux(m <= 1.U, 0.U, Fixed.msb(m - 1.U) +& 1.U)
  private val e0 = ceilLog2.zext -& num.activation().frac().S
  private val e1 = Mux(e0 > lr.maxRangeExp().S, lr.maxRangeExp().S, e0)
  private val e2 = Mux(e1 < lr.minRangeExp().S, lr.minRangeExp().S, e1)
  private val e = Mux(m === 0.U, lr.minRangeExp().S, e2)

  switch(hState) {
    is(H.idle) {
      when(io.start) { hState := H.mul }
    }
    is(H.mul) {
      hOff := slot * Mux(s3, (p.bins * p.bins * p.bins).U, (p.bins * p.bins).U)
      rOff := slot * nSrc
      hc := 0.U
      hState := H.clear
    }
    is(H.clear) {
      for (port <- Seq(io.count, io.soft)) {
        port.en := act; port.we := act; port.addr := hAddr; port.wdata := 0.U
      }
      hc := hc + 1.U
      when(hc === lastCell) { rk := 0.U; rStep := false.B; hState := H.ranges }
    }
    is(H.ranges) {
      rStep := !rStep
      when(!rStep) {
        io.maxAbs.en := true.B; io.maxAbs.addr := rAddr
      } .otherwise {
        io.range.en := act; io.range.we := act; io.range.addr := rAddr; io.range.wdata := e.pad(p.rangeBits).asUInt(p.rangeBits - 1, 0)
        io.maxAbs.en := act; io.maxAbs.we := act; io.maxAbs.addr := rAddr; io.maxAbs.wdata := 0.U
        rk := rk + 1.U
        when(rk === nSrc - 1.U) { hState := H.fin }
      }
    }
    is(H.fin) {}
  }

  when(state === M.fin && hState === H.fin) {
    io.done := true.B
    state := M.idle
    hState := H.idle
  }
}

object BoundaryUpdate {
  object Main extends ChiselEnum { val idle, prngRd, prngCap, setup, items, prngWr, fin = Value }
  object Hist extends ChiselEnum { val idle, mul, clear, ranges, fin = Value }

  /** Cycles per parameter (weight or bias item): 2, or 4 with momentum (GRAD port: read, read v, write v, clear). */
  def perParam(p: GenParams): Int = org.infomorph.compiler.rtl.RtlCycles.updatePerParameter(p.arch)

  /**
   * Cycles from `start` to `done`: max(7 + perParam · Σ_{k non-fixed} (size_k + 1), 2 + bins^sources + 2·sources).
   * Does not depend on the data, the masks or the bias flag.
   */
  def cycles(p: GenParams, sources: Int, sizes: Seq[Int], fixed: Seq[Boolean]): Int =
    org.infomorph.compiler.rtl.RtlCycles.update(p.arch, sources, sizes.toArray, fixed.toArray)

  /** Java's `long`: the low 64 bits, sign-extended. */
  private[hw] def wrap64(x: SInt): SInt = if (x.getWidth > 64) x(63, 0).asSInt else x.pad(64)

  /**
   * FixedMath.stochasticShift(g, d, s) as Java computes it: g << (−s mod 64) for s <= 0, else
   * (g + (d mod 2^s)) >> (s mod 64), where s >= 32 keeps all 32 bits of the draw.
   */
  private[hw] def stochasticShift(g: SInt, d: UInt, s: SInt): SInt = {
    val left = wrap64(g.pad(64) << (-s).asUInt(5, 0))
    val keep = Mux(s < 32.S, ((1.U(33.W) << s.asUInt(4, 0)) - 1.U)(31, 0), ~0.U(32.W))
    val right = (g +& (d & keep).zext) >> s.asUInt(5, 0)
    Mux(s <= 0.S, left, right.pad(64))
  }
}
