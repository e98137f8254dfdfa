package org.infomorph.compiler.mapping;

/**
 * Energy per operation, in picojoules, for a first estimate from operation counts. Source:
 * M. Horowitz, "Computing's energy problem (and what we can do about it)", ISSCC 2014, 45 nm
 * CMOS at 0.9 V: 8-bit multiply 0.2 pJ, 32-bit add 0.1 pJ, 8 KB SRAM read of 64 bits 10 pJ
 * (so about 0.16 pJ per bit read). These are ASIC figures; an FPGA spends roughly 10-30x more.
 *
 * @param macPj        one 8x8-bit multiply with a 32-bit accumulate: 0.2 + 0.1
 * @param sramBitPj    one bit read or written in on-chip SRAM
 * @param lutLookupPj  one small-table lookup (sigmoid, log2), about a 16-bit SRAM read
 */
public record EnergyModel(double macPj, double sramBitPj, double lutLookupPj) {
    public static EnergyModel horowitz45nm() {
        return new EnergyModel(0.3, 10.0 / 64, 16 * 10.0 / 64);
    }
}
