package org.infomorph.fpga

import chisel3._
import chisel3.util._
import org.infomorph.compiler.rtl.{BoardParams, HostLink => L}
import org.infomorph.compiler.rtl.RtlContract.{ADDR_BITS, DATA_BITS, OP_BITS, OP_BOUNDARY, OP_READ, OP_RUN, OP_WRITE}

/** The LLU array's host port seen from its master (docs/llu-rtl.md, "Host port"); widths from the array. */
class HostMaster extends Bundle {
  val valid = Output(Bool())
  val ready = Input(Bool())
  val op = Output(UInt(OP_BITS.W))
  val addr = Output(UInt(ADDR_BITS.W))
  val wdata = Output(UInt(DATA_BITS.W))
  val rvalid = Input(Bool())
  val rdata = Input(UInt(DATA_BITS.W))
}

/**
 * The board's end of the host link (docs/host-link.md). Received bytes are SLIP-decoded and
 * written into a ring buffer; a frame whose CRC-32 checks is committed there behind a 2-byte
 * length, any other is dropped. The executor takes committed frames in order: it checks the
 * sequence number (a frame after a gap gets a NAK, a duplicate is answered but not executed
 * again), executes the command on the array's host port and sends the answer, one byte at a time,
 * to the transmitter. During a long COMMAND it sends a BUSY frame every 2^BUSY_EXP cycles.
 * The host port's opcodes and widths are the array's contract (RtlContract); a COMMAND forwards
 * RUN and BOUNDARY only (any other op is a BAD_FRAME).
 */
class LinkEngine(bp: BoardParams) extends Module {
  import LinkEngine.{P, S}
  private val addrBytes = (ADDR_BITS + 7) / 8
  private val wordBytes = (DATA_BITS + 7) / 8
  require(wordBytes <= 8 && addrBytes <= 4, "the link carries words of up to 64 bits and addresses of up to 32")
  private val maxWidthExp = log2Floor(wordBytes)
  val io = IO(new Bundle {
    val rx = Flipped(Valid(UInt(8.W)))
    val rxError = Input(Bool())
    val tx = Decoupled(new FrameByte)
    val host = new HostMaster
    val arrayReset = Output(Bool())
    val busy = Output(Bool())
    val frameDropped = Output(Bool())
  })

  // ------------------------------------------------------------------ receive: SLIP decode, CRC, ring buffer
  private val N = bp.rxBytes()
  private val pw = log2Ceil(N)
  private val maxFrame = L.HEADER_BYTES + bp.maxPayload() + L.CRC_BYTES
  /** bits of a frame's byte count (the ring keeps it in RX_ENTRY_HEADER bytes) */
  private val lenW = log2Ceil(maxFrame + 1)
  require(lenW <= 8 * L.RX_ENTRY_HEADER, s"frames of $maxFrame bytes: longer than the ring's length field")
  private val ring = SyncReadMem(N, UInt(8.W))
  private val wrStart = RegInit(0.U((pw + 1).W))
  private val wrPtr = RegInit(L.RX_ENTRY_HEADER.U((pw + 1).W))
  private val committed = RegInit(0.U((pw + 1).W))
  private val rdPtr = RegInit(0.U((pw + 1).W))
  private val rxCrc = Module(new Crc32Serial)
  private val rxCount = RegInit(0.U(lenW.W))
  private val rxBad = RegInit(false.B)
  private val esc = RegInit(false.B)
  private val commit = RegInit(0.U(2.W))
  private val entryLen = RegInit(0.U(lenW.W))

  private val wEn = WireDefault(false.B)
  private val wAddr = WireDefault(wrPtr)
  private val wData = WireDefault(0.U(8.W))
  when(wEn) { ring.write(wAddr(pw - 1, 0), wData) }

  private val in = io.rx.bits
  rxCrc.io.init := false.B
  rxCrc.io.absorb := false.B
  private val dataValid = WireDefault(false.B)
  private val dataByte = WireDefault(in)
  private val endFrame = WireDefault(false.B)
  rxCrc.io.byte := dataByte
  io.frameDropped := false.B
  when(io.rxError) { rxBad := true.B }
  when(io.rx.valid) {
    when(esc) {
      esc := false.B
      dataValid := in === L.SLIP_ESC_END.U || in === L.SLIP_ESC_ESC.U
      dataByte := Mux(in === L.SLIP_ESC_END.U, L.SLIP_END.U, L.SLIP_ESC.U)
      when(!dataValid) { rxBad := true.B }
    }.elsewhen(in === L.SLIP_END.U) {
      endFrame := true.B
    }.elsewhen(in === L.SLIP_ESC.U) {
      esc := true.B
    }.otherwise {
      dataValid := true.B
    }
  }
  private val used = wrPtr - rdPtr
  when(dataValid) {
    when(used >= (N - 2).U || rxCount >= maxFrame.U) {
      rxBad := true.B
    }.otherwise {
      wEn := true.B
      wData := dataByte
      wrPtr := wrPtr + 1.U
      rxCount := rxCount + 1.U
      rxCrc.io.absorb := true.B
    }
  }
  when(endFrame) {
    esc := false.B
    rxCount := 0.U
    rxCrc.io.init := true.B
    rxBad := false.B
    when(rxCount === 0.U && !rxBad) {
      // an empty frame (END END): nothing to do
    }.elsewhen(!rxBad && rxCount >= (L.HEADER_BYTES + L.CRC_BYTES).U && rxCrc.io.crc === Crc32.Residue.U) {
      commit := 1.U
      entryLen := rxCount - L.CRC_BYTES.U
    }.otherwise {
      io.frameDropped := true.B
      wrPtr := wrStart + L.RX_ENTRY_HEADER.U
    }
  }
  // the UART delivers a byte every 10 bit times (>= 40 clocks), so the two commit cycles never meet a data byte
  when(commit === 1.U) {
    wEn := true.B
    wAddr := wrStart
    wData := entryLen(7, 0)
    commit := 2.U
  }
  when(commit === 2.U) {
    wEn := true.B
    wAddr := wrStart + 1.U
    wData := entryLen.pad(16)(15, 8)
    commit := 0.U
    val end = (wrStart + L.RX_ENTRY_HEADER.U + entryLen)(pw, 0)
    committed := end
    wrStart := end
    wrPtr := end + L.RX_ENTRY_HEADER.U
  }

  // one-byte prefetch of committed bytes
  private val nbValid = RegInit(false.B)
  private val inflight = RegInit(false.B)
  private val nb = RegInit(0.U(8.W))
  private val fetch = !nbValid && !inflight && rdPtr =/= committed
  private val rdData = ring.read(rdPtr(pw - 1, 0), fetch)
  when(fetch) {
    inflight := true.B
    rdPtr := rdPtr + 1.U
  }
  when(inflight) {
    nb := rdData
    nbValid := true.B
    inflight := false.B
  }
  private val take = WireDefault(false.B)
  when(take) { nbValid := false.B }

  // ------------------------------------------------------------------ transmit
  io.tx.valid := false.B
  io.tx.bits.end := false.B
  io.tx.bits.byte := 0.U
  private val txCrc = Module(new Crc32Serial)
  txCrc.io.init := false.B
  txCrc.io.absorb := false.B
  txCrc.io.byte := io.tx.bits.byte

  /** Sends a data byte (CRC'd, so offered only when the CRC has taken the last one) and moves to `next` when the transmitter takes it. */
  private def send(b: UInt, next: => Unit): Unit = {
    io.tx.valid := txCrc.io.idle
    io.tx.bits.byte := b
    when(io.tx.ready && txCrc.io.idle) {
      txCrc.io.absorb := true.B
      next
    }
  }

  private def sendEnd(next: => Unit): Unit = {
    io.tx.valid := true.B
    io.tx.bits.end := true.B
    when(io.tx.ready)(next)
  }

  // ------------------------------------------------------------------ executor
  private val state = RegInit(S.boot)
  private val after = RegInit(S.idle) // the state after an answer's END
  private val ret = RegInit(S.idle) // the state after a field is in, or after pShift has sent its bytes
  private val payload = RegInit(P.none)
  private val rem = RegInit(0.U(lenW.W)) // bytes left of the frame
  private val seqR = RegInit(0.U(8.W))
  private val codeR = RegInit(0.U(8.W))
  private val status = RegInit(0.U(8.W))
  private val expected = RegInit(0.U(8.W))
  private val synced = RegInit(false.B)
  private val accBytes = RegInit(VecInit(Seq.fill(8)(0.U(8.W)))) // a field's bytes, least significant first
  private val acc = accBytes.asUInt
  private val cnt = RegInit(0.U(4.W))
  private val need = RegInit(0.U(4.W))
  private val addr = RegInit(0.U(ADDR_BITS.W))
  private val widthExp = RegInit(0.U(2.W))
  private val count = RegInit(0.U(16.W))
  private val opR = RegInit(0.U(8.W))
  private val out = RegInit(0.U(64.W))
  private val outLeft = RegInit(0.U(4.W))
  private val overflow = RegInit(false.B)
  private val lastCmdSeq = RegInit(0.U(8.W))
  private val lastCmdValid = RegInit(false.B)
  private val running = RegInit(false.B)
  // the last COMMAND's cycles until the next one starts: a duplicate of it is answered from here
  private val cycles = RegInit(0.U(32.W))
  private val busyTimer = RegInit(0.U(L.BUSY_EXP.W))
  private val resetLeft = RegInit(0.U(3.W))
  private val width = (1.U(4.W) << widthExp)(3, 0)

  io.host.valid := false.B
  io.host.op := 0.U
  io.host.addr := addr
  io.host.wdata := acc(DATA_BITS - 1, 0) // WRITE's word and COMMAND's argument; ignored unless valid
  io.arrayReset := resetLeft =/= 0.U
  // busy while anything is left to do: a frame being committed or waiting in the ring, a command, an answer
  io.busy := state =/= S.idle || !io.host.ready || commit =/= 0.U || rdPtr =/= committed || nbValid || inflight

  // a COMMAND's cycles: from the accepting cycle until ready again (as the simulation shim counts them)
  when(running) {
    when(io.host.ready) { running := false.B }.otherwise { cycles := Mux(cycles.andR, cycles, cycles + 1.U) }
  }

  /** Collects an n-byte little-endian field into `acc`, sign-extended to 64 bits, then goes to `next`. */
  private def field(n: Int, next: S.Type): Unit = {
    cnt := 0.U
    need := n.U
    ret := next
    state := S.field
  }

  /** Answers the current frame: END, seq, status, payload, CRC, END; then `next`. */
  private def respond(st: Int, p: P.Type, next: S.Type): Unit = {
    status := st.U
    payload := p
    after := next
    state := S.hEnd0
  }

  private def respondShift(st: Int, value: UInt, bytes: Int, next: S.Type): Unit = {
    out := value
    outLeft := bytes.U
    ret := S.hCrc
    respond(st, P.shift, next)
  }

  // the IDENTIFY answer (docs/host-link.md)
  private def le(v: BigInt, n: Int): Seq[Int] = (0 until n).map(i => ((v >> (8 * i)) & 0xff).toInt)
  private val identity: Seq[Int] =
    le(L.VERSION, 1) ++ le(BigInt(bp.designHash(), 16), 8) ++ le(bp.rxBytes(), 2) ++ le(bp.maxPayload(), 2) ++
      le(bp.clockHz(), 4) ++ le(bp.baud(), 4) ++ le(addrBytes, 1) ++ le(wordBytes, 1)
  require(identity.size == L.IDENTITY_BYTES)
  private val identRom = VecInit(identity.map(_.U(8.W)))
  private val identIdx = RegInit(0.U(log2Ceil(L.IDENTITY_BYTES + 1).W))

  private val dist = seqR - expected

  /** v (64 bits) is its low 2^e bytes sign-extended: the bits from the top down to bit 8 2^e - 1 are all equal (shared and-trees, not a compare). */
  private def fitsSigned(v: UInt, e: UInt): Bool = {
    val cuts = Seq(63, 31, 15, 7) // the sign bits of 8, 4, 2 and 1 bytes
    val spans = cuts.sliding(2).map { case Seq(hi, lo) => v(hi, lo) }.toSeq // [63:31], [31:15], [15:7]
    val ones = spans.map(_.andR)
    val zeros = spans.map(x => !x.orR)
    def upTo(n: Int): Bool = ones.take(n).reduce(_ && _) || zeros.take(n).reduce(_ && _)
    MuxLookup(e, true.B)(Seq(0.U -> upTo(3), 1.U -> upTo(2), 2.U -> upTo(1)))
  }

  switch(state) {
    is(S.boot) { seqR := 0.U; respond(L.ST_BOOT, P.none, S.idle) }
    is(S.idle) {
      when(nbValid) { take := true.B; rem := nb; state := S.len1 }
    }
    is(S.len1) {
      when(nbValid) { take := true.B; rem := Cat(nb, rem(7, 0))(lenW - 1, 0); state := S.seq }
    }
    is(S.seq) {
      when(nbValid) { take := true.B; rem := rem - 1.U; seqR := nb; state := S.code }
    }
    is(S.code) {
      when(nbValid) { take := true.B; rem := rem - 1.U; codeR := nb; state := S.dispatch }
    }
    is(S.dispatch) {
      val fresh = dist === 0.U
      val dup = dist >= L.SEQ_HALF.U
      when(codeR === L.CMD_IDENTIFY.U) {
        when(rem === 0.U) {
          synced := true.B
          expected := seqR + 1.U
          lastCmdValid := false.B
          identIdx := 0.U
          respond(L.ST_OK, P.ident, S.skip)
        }.otherwise { respond(L.ST_BAD_FRAME, P.none, S.skip) }
      }.elsewhen(!synced) {
        respond(L.ST_NOT_SYNCED, P.none, S.skip)
      }.elsewhen(!fresh && !dup) {
        respondShift(L.ST_NAK, expected, 1, S.skip)
      }.elsewhen(dup && codeR =/= L.CMD_READ.U) {
        // executed already: answer, never again (a COMMAND's answer carries its cycles when it was the last one)
        when(codeR === L.CMD_COMMAND.U && lastCmdValid && seqR === lastCmdSeq) {
          respondShift(L.ST_DUP, cycles, 4, S.skip)
        }.otherwise { respond(L.ST_DUP, P.none, S.skip) }
      }.otherwise {
        when(fresh) { expected := seqR + 1.U }
        when(codeR === L.CMD_WRITE.U && rem >= (addrBytes + 1).U) {
          field(addrBytes, S.wWidth)
        }.elsewhen(codeR === L.CMD_READ.U && rem === (addrBytes + 3).U) {
          field(addrBytes, S.rWidth)
        }.elsewhen(codeR === L.CMD_COMMAND.U && rem === (1 + wordBytes).U) {
          field(1, S.cArg)
        }.elsewhen(codeR === L.CMD_RESET.U && rem === 0.U) {
          resetLeft := 7.U
          state := S.reset
        }.otherwise {
          respond(L.ST_BAD_FRAME, P.none, S.skip)
        }
      }
    }
    is(S.field) {
      when(cnt === need) {
        state := ret
      }.elsewhen(nbValid) {
        take := true.B
        rem := rem - 1.U
        // byte cnt, and its sign in every byte above: the field is sign-extended when it is in (a field has at least one byte)
        for (b <- 0 until 8) {
          when(cnt(2, 0) === b.U) { accBytes(b) := nb }.elsewhen(cnt(2, 0) < b.U) { accBytes(b) := Fill(8, nb(7)) }
        }
        cnt := cnt + 1.U
      }
    }
    // ---------------------------------------------------------------- WRITE: address, width, words
    is(S.wWidth) {
      addr := acc(ADDR_BITS - 1, 0)
      when(nbValid) {
        take := true.B
        rem := rem - 1.U
        val w = (1.U(5.W) << nb(1, 0))(4, 0)
        widthExp := nb(1, 0)
        when(nb > maxWidthExp.U || ((rem - 1.U) & (w - 1.U)) =/= 0.U) {
          respond(L.ST_BAD_FRAME, P.none, S.skip)
        }.otherwise { state := S.wWord }
      }
    }
    is(S.wWord) {
      when(rem === 0.U) { respond(L.ST_OK, P.none, S.skip) }.otherwise {
        cnt := 0.U
        need := width
        ret := S.wIssue
        state := S.field
      }
    }
    is(S.wIssue) {
      io.host.valid := true.B
      io.host.op := OP_WRITE.U
      when(io.host.ready) {
        addr := addr + 1.U
        state := S.wWord
      }
    }
    // ---------------------------------------------------------------- READ: address, width, count; answer the words
    is(S.rWidth) {
      addr := acc(ADDR_BITS - 1, 0)
      when(nbValid) {
        take := true.B
        rem := rem - 1.U
        widthExp := nb(1, 0)
        when(nb > maxWidthExp.U) { respond(L.ST_BAD_FRAME, P.none, S.skip) }.otherwise { field(2, S.rStart) }
      }
    }
    is(S.rStart) {
      count := acc(15, 0)
      overflow := false.B
      respond(L.ST_OK, P.read, S.skip)
    }
    is(S.rIssue) {
      when(count === 0.U) {
        out := overflow
        outLeft := 1.U
        ret := S.hCrc
        state := S.pShift
      }.otherwise {
        io.host.valid := true.B
        io.host.op := OP_READ.U
        when(io.host.ready) { state := S.rWait }
      }
    }
    is(S.rWait) {
      when(io.host.rvalid) {
        val v = io.host.rdata.asSInt.pad(64).asUInt
        val fits = fitsSigned(v, widthExp)
        when(!fits) { overflow := true.B }
        out := v
        outLeft := width
        ret := S.rNext
        state := S.pShift
      }
    }
    is(S.rNext) {
      count := count - 1.U
      addr := addr + 1.U
      state := S.rIssue
    }
    // ---------------------------------------------------------------- COMMAND: op, argument; answer the cycles
    is(S.cArg) {
      opR := acc(7, 0)
      when(acc(7, 0) === OP_RUN.U || acc(7, 0) === OP_BOUNDARY.U) { field(wordBytes, S.cIssue) }
        .otherwise { respond(L.ST_BAD_FRAME, P.none, S.skip) }
    }
    is(S.cIssue) {
      io.host.valid := true.B
      io.host.op := opR(OP_BITS - 1, 0)
      when(io.host.ready) {
        running := true.B
        cycles := 1.U
        busyTimer := 0.U
        state := S.cWait
      }
    }
    is(S.cWait) {
      busyTimer := busyTimer + 1.U
      when(!running) {
        lastCmdSeq := seqR
        lastCmdValid := true.B
        respondShift(L.ST_OK, cycles, 4, S.skip)
      }.elsewhen(busyTimer.andR) {
        respondShift(L.ST_BUSY, cycles, 4, S.cWait)
      }
    }
    is(S.reset) {
      resetLeft := resetLeft - 1.U
      when(resetLeft === 1.U) { respond(L.ST_OK, P.none, S.skip) }
    }
    // ---------------------------------------------------------------- the rest of a frame, then the next one
    is(S.skip) {
      when(rem === 0.U) { state := S.idle }.elsewhen(nbValid) {
        take := true.B
        rem := rem - 1.U
      }
    }
    // ---------------------------------------------------------------- answers
    is(S.hEnd0) { sendEnd { txCrc.io.init := true.B; state := S.hSeq } }
    is(S.hSeq) { send(seqR, state := S.hCode) }
    is(S.hCode) {
      send(status, {
        state := S.hCrc
        when(payload === P.shift) { state := S.pShift }
        when(payload === P.ident) { state := S.pIdent }
        when(payload === P.read) { state := S.rIssue }
      })
    }
    is(S.pShift) {
      when(outLeft === 0.U) {
        state := ret
      }.otherwise {
        send(out(7, 0), {
          out := out >> 8
          outLeft := outLeft - 1.U
        })
      }
    }
    is(S.pIdent) {
      when(identIdx === L.IDENTITY_BYTES.U) { state := S.hCrc }.otherwise {
        send(identRom(identIdx), identIdx := identIdx + 1.U)
      }
    }
    is(S.hCrc) {
      // the CRC of everything sent since the first END, least significant byte first
      when(txCrc.io.idle) {
        out := ~txCrc.io.crc
        outLeft := 4.U
        ret := S.hEnd1
        state := S.pShift
      }
    }
    is(S.hEnd1) {
      sendEnd {
        payload := P.none
        state := after
      }
    }
  }
}

object LinkEngine {
  object S extends ChiselEnum {
    val boot, idle, len1, seq, code, dispatch, field, wWidth, wWord, wIssue, rWidth, rStart, rIssue, rWait, rNext, cArg, cIssue, cWait,
        reset, skip, hEnd0, hSeq, hCode, pShift, pIdent, hCrc, hEnd1 = Value
  }
  object P extends ChiselEnum { val none, shift, ident, read = Value }
}
