package org.infomorph.fpga

import chisel3._
import chisel3.util._

/**
 * UART receiver, 8N1, `clocksPerBit` clocks per bit (at least 4: 12 MHz / 3 Mbaud = 4). A falling
 * edge after the 2-flop synchroniser starts a byte; each bit is sampled once, in its middle. A low
 * stop bit drops the byte and raises `frameError` for a cycle.
 */
class UartRx(clocksPerBit: Int) extends Module {
  require(clocksPerBit >= 4, s"clocksPerBit = $clocksPerBit: the receiver needs at least 4 clocks per bit")
  val io = IO(new Bundle {
    val rx = Input(Bool())
    val out = Valid(UInt(8.W))
    val frameError = Output(Bool())
  })
  private val line = ShiftRegister(io.rx, 2, true.B, true.B)
  private val busy = RegInit(false.B)
  private val timer = RegInit(0.U(log2Ceil(clocksPerBit + 1).W))
  private val bit = RegInit(0.U(4.W)) // 0 start, 1..8 data, 9 stop
  private val shift = RegInit(0.U(8.W))
  io.out.valid := false.B
  io.out.bits := shift
  io.frameError := false.B
  when(!busy) {
    when(!line) {
      busy := true.B
      timer := (clocksPerBit / 2 - 1).U
      bit := 0.U
    }
  }.elsewhen(timer =/= 0.U) {
    timer := timer - 1.U
  }.otherwise {
    timer := (clocksPerBit - 1).U
    bit := bit + 1.U
    when(bit === 0.U) {
      when(line) { busy := false.B } // a glitch, not a start bit
    }.elsewhen(bit <= 8.U) {
      shift := Cat(line, shift(7, 1))
    }.otherwise {
      busy := false.B
      io.out.valid := line
      io.frameError := !line
    }
  }
}

/** UART transmitter, 8N1, `clocksPerBit` clocks per bit; `tx` comes straight from a flop. */
class UartTx(clocksPerBit: Int) extends Module {
  val io = IO(new Bundle {
    val in = Flipped(Decoupled(UInt(8.W)))
    val tx = Output(Bool())
  })
  private val shift = RegInit(0x3ff.U(10.W)) // stop, data (LSB first), start
  private val left = RegInit(0.U(4.W))
  private val timer = RegInit(0.U(log2Ceil(clocksPerBit + 1).W))
  io.in.ready := left === 0.U
  io.tx := shift(0)
  when(io.in.fire) {
    shift := Cat(1.U(1.W), io.in.bits, 0.U(1.W))
    left := 10.U
    timer := (clocksPerBit - 1).U
  }.elsewhen(left =/= 0.U) {
    when(timer === 0.U) {
      shift := Cat(1.U(1.W), shift(9, 1))
      left := left - 1.U
      timer := (clocksPerBit - 1).U
    }.otherwise {
      timer := timer - 1.U
    }
  }
}
