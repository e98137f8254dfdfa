package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.infomorph.compiler.rtl.RtlContract;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Java-to-Verilator bridge on the array's host port (docs/llu-rtl.md). */
class SimModelTest {
    private static final GeneratorParams A = SimTestParams.A;
    private static final GeneratorParams B = SimTestParams.B;

    /** Values that fill the field's width: its extremes, zero, and a walk between. */
    private static long[] signedPattern(int n, int bits, int salt) {
        long lo = -(1L << (bits - 1)), hi = (1L << (bits - 1)) - 1;
        long[] v = new long[n];
        for (int i = 0; i < n; i++) v[i] = i == 0 ? lo : i == 1 ? hi : i == 2 ? 0 : lo + Math.floorMod(i * 37L + salt * 11L, hi - lo + 1);
        return v;
    }

    @Test
    void memoriesLoadedThroughThePortReadBackExactly() {
        int wBits = A.arch().numerics().weightBits() * A.lanesPerWord();
        int words = A.capacity().laneWords();
        try (SimModel m = SimModel.open(A)) {
            long[][] w = new long[A.units()][];
            for (int u = 0; u < A.units(); u++) {
                w[u] = signedPattern(words, wBits, u + 1);
                m.write(RtlContract.REGION_LANE, u, 0, w[u]);
            }
            for (int u = 0; u < A.units(); u++)
                assertArrayEquals(unsigned(w[u], wBits), m.read(RtlContract.REGION_LANE, u, 0, words),
                        "lane memory " + u + " must read back as written (a packed word: zero-extended)");
            long[] in = signedPattern(A.capacity().features(), A.arch().numerics().input().bits(), 5);
            m.write(RtlContract.REGION_INPUT, 0, 0, in);
            assertArrayEquals(in, m.read(RtlContract.REGION_INPUT, 0, 0, in.length));
            // single words in between, read one at a time
            m.write(RtlContract.REGION_LANE, 1, 3, new long[] {-7});
            assertEquals(-7 & ((1 << wBits) - 1), m.read(RtlContract.REGION_LANE, 1, 3, 1)[0]);
            assertEquals(w[0][3] & ((1 << wBits) - 1), m.read(RtlContract.REGION_LANE, 0, 3, 1)[0], "a write to memory 1 must not touch memory 0");
        }
    }

    private static long[] unsigned(long[] v, int bits) {
        return Arrays.stream(v).map(x -> x & ((1L << bits) - 1)).toArray();
    }

    @Test
    void configRegistersAreWritableAndReadable() {
        long[] cfg = {0, 0, -1, 784, 10};
        try (SimModel m = SimModel.open(A)) {
            m.write(RtlContract.REGION_CONFIG, 0, 0, cfg);
            assertArrayEquals(cfg, m.read(RtlContract.REGION_CONFIG, 0, 0, cfg.length));
            m.write(RtlContract.REGION_CONFIG, 0, RtlContract.CFG_FEATURES, new long[] {Integer.MIN_VALUE + 3});
            assertEquals(Integer.MIN_VALUE + 3, m.read(RtlContract.REGION_CONFIG, 0, RtlContract.CFG_FEATURES, 1)[0], "CONFIG words are 32 bits, read sign-extended");
        }
    }

    @Test
    void theCycleCounterCountsEveryClock() {
        try (SimModel m = SimModel.open(A)) {
            long c0 = m.cycles(), s0 = m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_CYCLES, 1)[0];
            m.write(RtlContract.REGION_LANE, 0, 0, new long[40]);
            long c1 = m.cycles(), s1 = m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_CYCLES, 1)[0];
            assertTrue(c1 - c0 >= 40, "one WRITE per cycle at most");
            assertEquals(c1 - c0, s1 - s0, "STATUS cycles and the shim's clock agree");
        }
    }

    /** An empty program: RUN only walks zero entries. */
    private static void emptyProgram(SimModel m) {
        m.write(RtlContract.REGION_CONFIG, 0, 0, new long[] {0, 0, -1, 0, 0});
    }

    @Test
    void commandsReturnTheirCyclesAndTimeoutsAreErrors() {
        try (SimModel m = SimModel.open(A)) {
            emptyProgram(m);
            long runs0 = m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_RUNS, 1)[0];
            long before = m.cycles();
            long c = m.command(RtlContract.OP_RUN, 0);
            assertTrue(c > 1, "a RUN takes more than one cycle, got " + c);
            assertTrue(m.cycles() - before >= c);
            assertEquals(runs0 + 1, m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_RUNS, 1)[0], "STATUS counts RUN commands");
            assertEquals(c, m.command(RtlContract.OP_RUN, 0), "the same RUN takes the same cycles");
            assertTrue(m.command(RtlContract.OP_BOUNDARY, 0) >= 1);

            m.setMaxCycles(c - 1);
            SimException e = assertThrows(SimException.class, () -> m.command(RtlContract.OP_RUN, 0));
            assertTrue(e.getMessage().contains("timeout"), e.getMessage());
            m.setMaxCycles(SimModel.DEFAULT_MAX_CYCLES);
            assertEquals(c, m.command(RtlContract.OP_RUN, 0), "the model goes on after a timeout");
            SimException bad = assertThrows(SimException.class, () -> m.command(RtlContract.OP_READ, 0));
            assertTrue(bad.getMessage().contains("op must be"), bad.getMessage());
        }
    }

    @Test
    void runBatchLoadsEverySampleAndRunsIt() {
        int features = A.capacity().features(), batch = 3, outWords = 4;
        try (SimModel m = SimModel.open(A)) {
            emptyProgram(m);
            long[] marks = {11, 12, 13, 14}; // OUT words are theta wide, unsigned
            m.write(RtlContract.REGION_OUT, 0, 0, marks); // an empty program leaves OUT alone
            int[] x = new int[batch * features];
            for (int i = 0; i < x.length; i++) x[i] = (i * 7) % 100 - 50;
            int[] labels = {3, 1, 4};
            long[] out = new long[batch * outWords];
            long[] cps = new long[batch];
            long runs0 = m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_RUNS, 1)[0];
            long c0 = m.cycles();
            long total = m.runBatch(x, features, labels, 0, 0, outWords, out, cps);
            assertEquals(m.cycles() - c0, total, "total = every cycle of the call");
            for (int b = 0; b < batch; b++) {
                assertTrue(cps[b] > 0);
                assertArrayEquals(marks, Arrays.copyOfRange(out, b * outWords, (b + 1) * outWords));
            }
            assertTrue(total > Arrays.stream(cps).sum() + batch * features, "transfers count too");
            assertEquals(runs0 + batch, m.read(RtlContract.REGION_STATUS, 0, RtlContract.STATUS_RUNS, 1)[0]);
            long[] last = m.read(RtlContract.REGION_INPUT, 0, 0, features);
            for (int i = 0; i < features; i++) assertEquals(x[(batch - 1) * features + i], last[i], "INPUT holds the last sample");
            assertEquals(4, m.read(RtlContract.REGION_CONFIG, 0, RtlContract.CFG_LABEL, 1)[0], "LABEL holds the last label");
            m.runBatch(Arrays.copyOf(x, features), features, null, 0, 0, outWords, new long[outWords], null);
            assertEquals(-1, m.read(RtlContract.REGION_CONFIG, 0, RtlContract.CFG_LABEL, 1)[0], "no labels: LABEL = -1");
        }
    }

    @Test
    void twoInstancesOfOneLibraryAreIndependent() {
        try (SimModel m1 = SimModel.open(A); SimModel m2 = SimModel.open(A)) {
            m1.write(RtlContract.REGION_LANE, 0, 0, new long[] {1, 2, 3});
            m2.write(RtlContract.REGION_LANE, 0, 0, new long[] {-1, -2, -3});
            m2.command(RtlContract.OP_RUN, 0);
            assertArrayEquals(new long[] {1, 2, 3}, m1.read(RtlContract.REGION_LANE, 0, 0, 3));
            assertArrayEquals(new long[] {255, 254, 253}, m2.read(RtlContract.REGION_LANE, 0, 0, 3));
            assertNotEquals(m1.cycles(), m2.cycles(), "each instance has its own clock");
        }
    }

    @Test
    void instancesOfDifferentParametersShareAJvmAndTraceWritesAVcd(@TempDir Path tmp) throws Exception {
        Path vcd = tmp.resolve("b.vcd");
        try (SimModel a = SimModel.open(A); SimModel b = SimModel.open(B, true)) {
            b.trace(vcd, true);
            a.write(RtlContract.REGION_LANE, 1, 0, new long[] {5, 6});
            b.write(RtlContract.REGION_LANE, 1, 0, new long[] {-5, -6}); // B packs two 8-bit lanes per word
            b.trace(vcd, false);
            b.trace(tmp.resolve("b2.vcd"), true); // a second trace after the first closed
            b.command(RtlContract.OP_RUN, 0);
            b.trace(null, false);
            assertArrayEquals(new long[] {5, 6}, a.read(RtlContract.REGION_LANE, 1, 0, 2));
            assertArrayEquals(new long[] {0xFFFB, 0xFFFA}, b.read(RtlContract.REGION_LANE, 1, 0, 2));
            SimException noTrace = assertThrows(SimException.class, () -> a.trace(tmp.resolve("a.vcd"), true));
            assertTrue(noTrace.getMessage().contains("without --trace"), noTrace.getMessage());
        }
        String text = Files.readString(vcd);
        assertTrue(text.contains("$enddefinitions") && text.contains("io_host_valid"), "a VCD of the port");
        assertTrue(text.contains("#"), "with time steps");
        String second = Files.readString(tmp.resolve("b2.vcd"));
        assertTrue(second.contains("$enddefinitions") && second.contains("io_host_valid"), "the second VCD has its own header");
    }

    @Test
    void aLibraryBuiltForOtherParametersIsRejected() {
        Path libA = SimBuild.defaults().build(A, false).library();
        SimException e = assertThrows(SimException.class, () -> SimModel.load(libA, B, SimBuild.cacheRoot()));
        assertTrue(e.getMessage().contains("built for generator parameters " + A.hash() + ", not " + B.hash()), e.getMessage());
    }

    @Test
    void aVerilatorFatalComesBackAsAnErrorAndTheJvmLivesOn() {
        try (SimModel bad = SimModel.open(A); SimModel good = SimModel.open(A)) {
            SimException e = assertThrows(SimException.class, () -> bad.plusarg("+verilator+no+such+option"));
            assertTrue(e.getMessage().contains("model error") && e.getMessage().contains("no+such+option"), e.getMessage());
            SimException dead = assertThrows(SimException.class, () -> bad.read(RtlContract.REGION_STATUS, 0, 0, 1));
            assertTrue(dead.getMessage().contains("dead"), dead.getMessage());
            good.write(RtlContract.REGION_LANE, 0, 0, new long[] {9});
            assertEquals(9, good.read(RtlContract.REGION_LANE, 0, 0, 1)[0], "other instances are unaffected");
        }
    }

    @Test
    void perCallOverheadIsSmall() {
        try (SimModel m = SimModel.open(A)) {
            int n = 200_000;
            for (int i = 0; i < 20_000; i++) m.cycles(); // warm up
            double s0 = m.nativeSeconds();
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) m.cycles();
            double us = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf("SimModel: %.3f us per native call (cycles()), native share %.3f us%n", us, (m.nativeSeconds() - s0) * 1e6 / n);
            assertTrue(us < 20, "a direct-mapped call costs well under 20 us, got " + us);
        }
    }
}
