package org.infomorph.hw

import chisel3._
import org.junit.jupiter.api.Test

/**
 * The STATUS counter bank against a plain count: random events on every counter every cycle
 * (bursts at the maximum, quiet stretches), host READs (back to back, the same word twice, every
 * word in a row as ArrayDevice reads them) and clears. A READ issued in a cycle must give, a
 * cycle later, the count of every event up to and including that cycle's (the events input is
 * already registered in LluArray); a clear drops that cycle's events.
 */
class StatusCountersTest {
  private val n = 11
  private val eventBits = 3

  @Test def everyReadIsExact(): Unit = {
    val check = new Checker("status counters")
    new RtlSim("status-counters").simulate(new StatusCounters(TestArchs.default, n, eventBits)) { sm =>
      val h = sm.wrapped
      val ctl = sm.controller
      val clock = sm.port(h.clock)
      def cycle(): Unit = clock.tick(timestepsPerPhase = 1, maxCycles = 1, inPhaseValue = 0, outOfPhaseValue = 1, sentinel = None)
      val r = new Vectors(21)
      val reset = sm.port(h.reset)
      reset.set(1)
      cycle()
      reset.set(0)
      val count = Array.fill(n)(BigInt(0))
      val max = (1 << eventBits) - 1
      var pendingRead: Option[(Int, BigInt)] = None
      var sweep = -1 // reading every counter in a row, as ArrayDevice does
      for (t <- 0 until 20000) {
        val phase = (t / 500) % 4 // busy with bursts, busy, quiet (host commands), quiet
        val ev = Array.tabulate(n)(_ => phase match {
          case 0 => if (r.int(2) == 0) max else r.int(max + 1)
          case 1 => if (r.int(4) == 0) r.int(max + 1) else 0
          case _ => 0
        })
        val hostTurn = phase >= 2
        if (hostTurn && sweep < 0 && r.int(50) == 0) sweep = 0
        val (read, clear, idx) =
          if (sweep >= 0) { val i = sweep; sweep = if (sweep + 1 < n) sweep + 1 else -1; (true, false, i) }
          else if (hostTurn && r.int(3) == 0) { val i = r.int(n); if (r.int(8) == 0) (false, true, i) else (true, false, i) }
          else (false, false, 0)
        for (i <- 0 until n) sm.port(h.io.events(i)).set(ev(i))
        sm.port(h.io.hostRead).set(if (read) 1 else 0)
        sm.port(h.io.hostClear).set(if (clear) 1 else 0)
        sm.port(h.io.index).set(idx)
        // the READ of the cycle before answers now: every event before its cycle
        pendingRead.foreach { case (i, want) => check.check(sm.port(h.io.value), signed = false, want, "read", s"counter $i at cycle ${t - 1}") }
        for (i <- 0 until n) count(i) = (count(i) + ev(i)) & 0xffffffffL
        pendingRead = if (read) Some((idx, count(idx))) else None
        if (clear) count(idx) = 0
        cycle()
        check.drain(ctl)
      }
      ctl.completeInFlightCommands()
    }
    check.assertClean()
    println(s"status counters: ${check.checked} reads, 0 mismatches")
  }
}
