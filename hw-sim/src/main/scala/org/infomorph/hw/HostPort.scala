package org.infomorph.hw

import chisel3._

/** The host port of the array (docs/llu-rtl.md, "Host port"), seen from the array. */
class HostPort extends Bundle {
  val valid = Input(Bool())
  val ready = Output(Bool())
  val op = Input(UInt(4.W))
  val addr = Input(UInt(32.W))
  val wdata = Input(UInt(64.W))
  val rvalid = Output(Bool())
  val rdata = Output(UInt(64.W))
}

/** Host commands (`io_host_op`). */
object Op {
  val WRITE = 0; val READ = 1; val RUN = 2; val BOUNDARY = 3; val PASS2 = 4
}

/** Region ids (`io_host_addr[31:28]`). */
object Region {
  val CONFIG = 0; val INPUT = 1; val SPIKES = 2; val OUT = 3; val STATUS = 4
  val WEIGHT = 5; val MASK = 6; val BIAS = 7; val GRAD = 8; val PRNG = 9; val COUNT = 10; val SOFTSUM = 11
  val TABLE = 12; val RANGE = 13; val MAXABS = 14; val PASS2 = 15
}

/** One host memory access as the memories see it, decoded from the port in the command's cycle. */
class HostAccess extends Bundle {
  val rd = Bool()
  val wr = Bool()
  val region = UInt(4.W)
  val unit = UInt(8.W)
  val word = UInt(20.W)
  val wdata = UInt(64.W)
}
