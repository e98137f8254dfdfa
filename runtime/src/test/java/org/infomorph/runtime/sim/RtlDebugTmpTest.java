package org.infomorph.runtime.sim;

import org.junit.jupiter.api.Test;

class RtlDebugTmpTest {
    @Test
    void debug() {
        String which = System.getProperty("dbg.arch", "A");
        long n = Long.getLong("dbg.n", 5);
        VerilatorDevice d = which.equals("A") ? new VerilatorDevice(2, -1, false).withCapacityFloor(RtlLockstepProperties.FLOOR)
                : new VerilatorDevice(3, -1, false).withCapacityFloor(RtlLockstepProperties.FLOOR).withLanesPerWord(2);
        try (d) {
            for (long s = 1; s <= n; s++) {
                System.out.println("seed " + s);
                RtlLockstepProperties.check(d, which.equals("A") ? RtlLockstepProperties.archA() : RtlLockstepProperties.archB(), s * 7919);
            }
        }
    }
}
