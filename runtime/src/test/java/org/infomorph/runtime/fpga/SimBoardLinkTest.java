package org.infomorph.runtime.fpga;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.infomorph.compiler.rtl.BoardParams;
import org.infomorph.compiler.rtl.GeneratorParams;
import org.infomorph.compiler.rtl.RtlLayout;
import org.infomorph.runtime.device.DeviceImages;
import org.infomorph.runtime.sim.RtlLockstepProperties;
import org.infomorph.runtime.sim.SimBuild;
import org.infomorph.runtime.sim.SimModel;
import static org.infomorph.compiler.rtl.RtlContract.*;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The host link against the simulated board (docs/host-link.md): memories round-trip at every
 * word width, COMMAND cycles equal the L3 shim's, a lossy link loses no word, and the four error
 * cases end with one line within a bounded time. The board is the contract suite's build.
 */
class SimBoardLinkTest {
    static final GeneratorParams P = GeneratorParams.simulation(RtlLockstepProperties.archA(), 2,
            RtlLayout.of(DeviceImages.contract(), 2).capacity().rounded().max(RtlLockstepProperties.FLOOR));
    static final BoardParams BP = BoardParams.of(P, FpgaDevice.SIM_CLOCK_HZ, FpgaDevice.SIM_BAUD);
    private static SimBoard board;
    private static LinkPort link;

    @BeforeAll
    static void start() {
        board = SimBoard.start(SimBuild.cacheRoot(), BP, SimBoard.Faults.NONE);
        link = new LinkPort(SerialLink.open(board.pty(), FpgaDevice.SIM_BAUD), LinkPort.Options.simulated());
    }

    @AfterAll
    static void stop() {
        if (link != null) link.close();
        if (board != null) board.close();
    }

    @Test
    void theBoardIdentifiesItsDesign() {
        LinkPort.Identity id = link.identify();
        assertEquals(P.hash(), id.designHash(), "the design hash is the generator parameters'");
        assertEquals(org.infomorph.compiler.rtl.HostLink.VERSION, id.version());
        assertEquals(BP.rxBytes(), id.rxBytes());
        assertEquals(12_000_000, id.clockHz());
        assertEquals(3_000_000, id.baud());
        assertEquals(4, id.addrBytes(), "32-bit host-port addresses");
        assertEquals(8, id.wordBytes(), "64-bit host-port words");
    }

    @Test
    void memoriesRoundTripAtEveryWidth() {
        link.identify();
        SplittableRandom r = new SplittableRandom(3);
        long[] cfg = new long[P.capacity().configWords()];
        for (int i = 0; i < cfg.length; i++) cfg[i] = r.nextInt() >> r.nextInt(32); // 1 to 4 bytes wide
        link.write(REGION_CONFIG, 0, 0, cfg);
        assertArrayEquals(cfg, link.read(REGION_CONFIG, 0, 0, cfg.length), "CONFIG (32-bit words, read back sign-extended)");
        int laneBits = P.lanesPerWord() * P.arch().numerics().weightBits();
        for (int group = 0; group < P.laneGroups(); group++) {
            long[] w = new long[P.capacity().laneWords()];
            for (int i = 0; i < w.length; i++) w[i] = r.nextLong(0, 1L << Math.min(laneBits, 62)) >> r.nextInt(Math.min(laneBits, 62));
            link.write(REGION_LANE, group, 0, w);
            assertArrayEquals(w, link.read(REGION_LANE, group, 0, w.length), "LANE words of group " + group);
        }
    }

    /** The array counts a COMMAND's cycles the same over the link as through the L3 shim. */
    @Test
    void commandCyclesEqualTheShims() {
        link.identify();
        long[] empty = new long[CFG_CLASSES + 1];
        empty[CFG_LABEL] = 0xffff_ffffL;
        link.write(REGION_CONFIG, 0, 0, empty);
        long viaLink = link.command(OP_RUN, 0), boundary = link.command(OP_BOUNDARY, 0);
        try (SimModel m = SimModel.open(P)) {
            m.write(REGION_CONFIG, 0, 0, empty);
            assertEquals(m.command(OP_RUN, 0), viaLink, "RUN of an empty program");
            assertEquals(m.command(OP_BOUNDARY, 0), boundary, "BOUNDARY of an empty program");
        }
        long runs = link.read(REGION_STATUS, 0, STATUS_RUNS, 1)[0];
        assertTrue(runs >= 1, "STATUS counts the RUN: " + runs);
    }

    /** 1% of the bytes changed each way (flip, drop, duplicate, delay): every word reads back as written. */
    @Test
    void aLossyLinkLosesNoWord() {
        int frames = Integer.getInteger("infomorph.lossyFrames", 300);
        try (FpgaDevice d = FpgaDevice.simulated(2, SimBoard.Faults.mixed(0.01, 9)).withCapacityFloor(RtlLockstepProperties.FLOOR)) {
            LinkBench.Lossy l = LinkBench.lossy(d, DeviceImages.contract(), frames, 4, DeviceImages.batch(true, 50), DeviceImages.batch(false, 51), 2, n -> {});
            System.out.printf("lossy link: %d frames, %d words checked, %d resent, %d NAKs, faults %s, goodput %.1f%% of the line rate, state equals L2: %b%n",
                    l.frames(), l.wordsChecked(), l.link().retransmissions(), l.link().naks(), l.faults(), 100 * l.goodput().shareOfLineRate(), l.stateEqualsModel());
            assertEquals(0, l.corruptions(), "undetected corruptions");
            assertTrue(l.stateEqualsModel(), "the final state equals L2's");
            assertTrue(l.faults().faults() > 0 && l.link().retransmissions() > 0, "the injector injected and the host resent: " + l.faults());
        }
    }

    @Test
    void noSuchPortIsOneLine() {
        LinkException e = assertThrows(LinkException.class, () -> SerialLink.open("/dev/ttyNOSUCH7", 3_000_000));
        assertEquals(LinkException.Kind.NO_PORT, e.kind);
        assertTrue(e.getMessage().startsWith("no such serial port: /dev/ttyNOSUCH7"), e.getMessage());
    }

    /** A pseudo-terminal with nothing behind it (socat): the host gives up after its silence limit. */
    @Test
    void aBoardThatDoesNotAnswerTimesOut(@TempDir Path tmp) throws Exception {
        Path a = tmp.resolve("a"), b = tmp.resolve("b");
        Process socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b).redirectErrorStream(true).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(a); i++) Thread.sleep(20);
            LinkPort silent = new LinkPort(SerialLink.open(a.toString(), 3_000_000), new LinkPort.Options(50, 1_500, 1L << 28));
            long t0 = System.nanoTime();
            LinkException e = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(LinkException.class, silent::identify));
            double s = (System.nanoTime() - t0) / 1e9;
            silent.close();
            assertEquals(LinkException.Kind.NO_ANSWER, e.kind);
            assertTrue(e.getMessage().contains("does not answer"), e.getMessage());
            assertTrue(s >= 1.4 && s < 5, "gave up after the silence limit, not before and not much after: " + s + " s");
        } finally {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBoardWithAnotherDesignIsRefused() {
        // the running board carries P; an image that needs three units asks for another design (one program holds a port at a time)
        link.close();
        GeneratorParams other = GeneratorParams.simulation(P.arch(), 3, P.capacity());
        try (FpgaDevice d = FpgaDevice.board(other, board.pty(), FpgaDevice.SIM_BAUD)) {
            LinkException e = assertThrows(LinkException.class, () -> d.load(DeviceImages.contract()));
            assertEquals(LinkException.Kind.OTHER_DESIGN, e.kind);
            assertTrue(e.getMessage().contains("carries design " + P.hash()) && e.getMessage().contains("needs " + other.hash())
                    && e.getMessage().contains("fpga flash"), e.getMessage());
        } finally {
            link = new LinkPort(SerialLink.open(board.pty(), FpgaDevice.SIM_BAUD), LinkPort.Options.simulated());
        }
    }

    @Test
    void aBoardWithItsDesignRunsAsTheModel() {
        // a board is driven with the design it was built with (fpga build's), not one derived from the image
        link.close();
        try (FpgaDevice d = FpgaDevice.board(P, board.pty(), FpgaDevice.SIM_BAUD);
             org.infomorph.runtime.reference.ReferenceDevice ref = new org.infomorph.runtime.reference.ReferenceDevice()) {
            d.load(DeviceImages.contract());
            ref.load(DeviceImages.contract());
            var in = DeviceImages.batch(true, 7);
            assertArrayEquals(ref.learn(in).outputTheta(), d.learn(in).outputTheta());
            assertEquals(ref.readState().hash(), d.readState().hash(), "the complete state after a learning batch");
        } finally {
            link = new LinkPort(SerialLink.open(board.pty(), FpgaDevice.SIM_BAUD), LinkPort.Options.simulated());
        }
    }

    @Test
    void aResetDuringABatchEndsTheRun() {
        try (FpgaDevice d = FpgaDevice.simulated(2, SimBoard.Faults.NONE).withCapacityFloor(RtlLockstepProperties.FLOOR)) {
            d.load(DeviceImages.contract());
            Thread presser = new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    return;
                }
                d.simBoard().pressReset();
            });
            presser.start();
            LinkException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(LinkException.class, () -> {
                for (int i = 0; i < 1000; i++) d.infer(DeviceImages.batch(false, i), org.infomorph.runtime.device.SpikeRule.DETERMINISTIC);
            }));
            assertEquals(LinkException.Kind.BOARD_RESET, e.kind);
            assertTrue(e.getMessage().contains("was reset during the run"), e.getMessage());
            // the device recovers with a new load
            d.load(DeviceImages.contract());
            d.infer(DeviceImages.batch(false, 1), org.infomorph.runtime.device.SpikeRule.DETERMINISTIC);
        }
    }
}
