package org.infomorph.distributed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.broadcast.Broadcast;
import org.junit.jupiter.api.Test;

class SparkClusterTest {
    @Test
    void oneOutcomePerTaskInOrderAFailureReportedNotDropped() {
        try (SparkCluster c = SparkCluster.start(SparkMaster.parse("local[2]"), "test", Map.of(), 10)) {
            Broadcast<Integer> offset = c.share(1000);
            List<Integer> in = new ArrayList<>();
            for (int i = 0; i < 12; i++) in.add(i);
            List<TaskOutcome<Integer>> out = c.run(offset, in, (d, x) -> {
                if (x == 5) throw new IllegalStateException("task five breaks\nsecond line");
                return d + x * x;
            }, null);
            assertEquals(12, out.size());
            for (int i = 0; i < 12; i++) {
                assertEquals(i, out.get(i).index());
                if (i == 5) {
                    assertTrue(out.get(i).failed());
                    assertTrue(out.get(i).failure().startsWith("IllegalStateException: task five breaks (at "), out.get(i).failure());
                    assertNull(out.get(i).value());
                } else {
                    assertFalse(out.get(i).failed());
                    assertEquals(1000 + i * i, out.get(i).value());
                }
            }
        }
    }

    @Test
    void parallelStreamsInsideATaskStayOnItsThread() {
        try (SparkCluster c = SparkCluster.start(SparkMaster.parse("local[2]"), "test", Map.of(), 10)) {
            List<TaskOutcome<Long>> out = c.run(c.share(0), List.of(1, 2), (d, x) -> IntStream.range(0, 10_000).parallel()
                    .mapToObj(i -> Thread.currentThread().getName()).distinct().count(), null);
            for (TaskOutcome<Long> o : out) assertEquals(1L, o.value());
        }
    }
}
