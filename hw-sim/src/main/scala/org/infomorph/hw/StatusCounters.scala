package org.infomorph.hw

import chisel3._
import chisel3.util._

/**
 * The saturation counters of STATUS (docs/llu-rtl.md, "Host port"): 32-bit counts, exact at every
 * read, kept in the memory "status" (one word per counter of Counter.inArray) with one adder for
 * all. In the iCE40 smoke learning array, eleven flip-flop counters with an adder each took about
 * 800 LUTs; with one shared adder, 618 LUTs and 444 flip-flops; in the memory, 276 and 153.
 *
 * Each counter gathers its events in a few bits. Every cycle one counter is issued: a host command
 * on a counter's word (a read or a clear), otherwise the next in turn. The issue reads its word and
 * takes its gathered events (this cycle's too); a cycle later their sum is written back and is
 * `value`, the count of every event up to the issuing cycle's. A word written the cycle before is
 * forwarded (the memory's read-during-write is not relied on), and a word not written since reset
 * reads 0. The turn waits while the host issues; events come only while the array is busy and the
 * host commands only while it is idle, so no counter waits more than 2n cycles and its events fit
 * in log2(2 n max + 1) bits.
 *
 * @param n         counters
 * @param eventBits bits of one cycle's events of a counter
 */
class StatusCounters(p: GenParams, n: Int, eventBits: Int) extends Module {
  private val ib = log2Ceil(n max 2)
  val io = IO(new Bundle {
    val events = Input(Vec(n, UInt(eventBits.W)))
    /** a host READ of counter `index` this cycle: its count is `value` next cycle */
    val hostRead = Input(Bool())
    /** a host WRITE to counter `index` this cycle: the counter is zeroed (this cycle's events dropped) */
    val hostClear = Input(Bool())
    val index = Input(UInt(ib.W))
    val value = Output(UInt(32.W))
  })
  private val accBits = log2Ceil(2 * n * ((1 << eventBits) - 1) + 1)
  private val mem = new Ram1R1W(n, 32, p.style("status"))
  private val accs = RegInit(VecInit(Seq.fill(n)(0.U(accBits.W))))
  private val turn = RegInit(0.U(ib.W))
  private val host = io.hostRead || io.hostClear
  when(!host) { turn := Mux(turn === (n - 1).U, 0.U, turn + 1.U) }

  // issue
  private val a = Mux(host, io.index, turn)
  mem.read(a)
  private val gathered = (0 until n).map(i => accs(i) +& io.events(i))
  for (i <- 0 until n) accs(i) := Mux(a === i.U, 0.U, gathered(i))
  private val a1 = RegNext(a, 0.U)
  private val taken1 = RegNext(Mux(io.hostClear, 0.U, VecInit(gathered)(a)), 0.U)
  private val clear1 = RegNext(io.hostClear, false.B)

  // write back
  private val written = RegInit(VecInit(Seq.fill(n)(false.B)))
  private val a2 = RegNext(a1, 0.U)
  private val value = Wire(UInt(32.W))
  private val value2 = RegNext(value, 0.U)
  private val count = Mux(!written(a1), 0.U, Mux(a2 === a1, value2, mem.rdata))
  value := Mux(clear1, 0.U, (count + taken1)(31, 0))
  mem.write(a1, value)
  written(a1) := true.B
  io.value := value
}
