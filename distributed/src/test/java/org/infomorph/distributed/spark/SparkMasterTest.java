package org.infomorph.distributed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import org.infomorph.compiler.InvalidInputException;
import org.junit.jupiter.api.Test;

class SparkMasterTest {
    @Test
    void parsesTheThreeKinds() {
        assertEquals(3, SparkMaster.parse("local[3]").localCores());
        assertEquals(Runtime.getRuntime().availableProcessors(), SparkMaster.parse(null).localCores());
        SparkMaster m = SparkMaster.parse("spark://10.1.2.3:7077");
        assertEquals("10.1.2.3", m.host());
        assertEquals(7077, m.port());
        assertTrue(SparkMaster.parse("spark://127.0.0.1:7077").loopback());
    }

    @Test
    void refusesOtherMastersInOneLine() {
        for (String bad : new String[] {"yarn", "local[0]", "local[two]", "spark://host", "spark://host:99999", "k8s://x:1"}) {
            InvalidInputException e = assertThrows(InvalidInputException.class, () -> SparkMaster.parse(bad));
            assertTrue(e.getMessage().startsWith("--master '" + bad + "': "), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
    }

    @Test
    void anUnreachableMasterIsOneLine() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        SparkMaster m = SparkMaster.parse("spark://127.0.0.1:" + port);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> m.checkReachable(2000));
        assertTrue(e.getMessage().startsWith("--master spark://127.0.0.1:" + port + ": cannot reach the Spark master"), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
