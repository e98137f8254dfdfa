package org.infomorph.runtime.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Building and caching the simulation library. */
class SimBuildTest {

    @Test
    void aMissingVerilatorIsOneClearLine(@TempDir Path cache) {
        for (String exe : List.of(cache.resolve("no/such/verilator").toString(), "no-such-verilator-on-path")) {
            SimException e = assertThrows(SimException.class, () -> new SimBuild(cache, exe).build(SimTestParams.A, false));
            assertTrue(e.getMessage().startsWith("verilator not found"), e.getMessage());
            assertTrue(e.getMessage().contains("run scripts/setup-sim (apt-get install verilator)"), e.getMessage());
            assertFalse(e.getMessage().contains("\n"), "one line");
        }
    }

    @Test
    void aFailedBuildNamesItsLogAndItsLastLines(@TempDir Path cache) throws Exception {
        Path fake = cache.resolve("fake-verilator");
        Files.writeString(fake, "#!/bin/sh\necho starting\necho '%Error: the fake verilator fails on purpose'\nexit 7\n");
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        SimBuild b = new SimBuild(cache, fake.toString());
        SimException e = assertThrows(SimException.class, () -> b.build(SimTestParams.A, false));
        Path log = b.dir(SimTestParams.A, false).resolve("build.log");
        assertTrue(e.getMessage().contains("exit 7") && e.getMessage().contains(log.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("the fake verilator fails on purpose"), e.getMessage());
        assertTrue(Files.isRegularFile(b.dir(SimTestParams.A, false).resolve("LluArray.sv")), "the design was emitted before verilator ran");
        assertFalse(Files.exists(b.dir(SimTestParams.A, false).resolve(SimBuild.LIBRARY)), "no library after a failed build");
    }

    @Test
    void aWarmBuildIsACacheHitAndAnUnchangedRebuildKeepsTheDesign() throws Exception {
        SimBuild b = SimBuild.defaults();
        SimBuild.Result first = b.build(SimTestParams.A, false);
        long t0 = System.nanoTime();
        SimBuild.Result warm = b.build(SimTestParams.A, false);
        double warmS = (System.nanoTime() - t0) / 1e9;
        assertTrue(warm.cacheHit(), "the second build of the same parameters is a cache hit");
        assertEquals(first.library(), warm.library());
        assertTrue(warmS < 2, "a cache hit takes no build, got " + warmS + " s");

        Path sv = warm.dir().resolve("LluArray.sv");
        FileTime svTime = Files.getLastModifiedTime(sv);
        long t1 = System.nanoTime();
        SimBuild.Result again = b.build(SimTestParams.A, false, true);
        double rebuildS = (System.nanoTime() - t1) / 1e9;
        assertFalse(again.cacheHit());
        assertEquals(svTime, Files.getLastModifiedTime(sv), "Emit keeps an unchanged LluArray.sv (make then skips the C++)");
        System.out.printf("SimBuild: cache hit %.3f s; forced rebuild of an unchanged design %.1f s (emit %.1f s, verilate+compile %.1f s)%n", warmS,
                rebuildS, again.emitSeconds(), again.compileSeconds());
        try (SimModel m = SimModel.load(again.library(), SimTestParams.A, b.cache())) {
            m.write(org.infomorph.compiler.rtl.RtlContract.REGION_LANE, 0, 0, new long[] {42});
            assertEquals(42, m.read(org.infomorph.compiler.rtl.RtlContract.REGION_LANE, 0, 0, 1)[0], "the rebuilt library loads next to the first one");
        }
    }
}
