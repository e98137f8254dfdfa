package org.infomorph.distributed.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.launcher.JavaModuleOptions;
import org.junit.jupiter.api.Test;

/** The launcher's JVM options for Spark are Spark's own list (without the incubator module, which only prints a warning). */
class SparkJvmOptionsTest {
    @Test
    void optionsFileIsSparksList() throws IOException {
        List<String> expected = new ArrayList<>(List.of(JavaModuleOptions.defaultModuleOptionArray()));
        expected.remove("--add-modules=jdk.incubator.vector");
        try (InputStream in = SparkJvmOptionsTest.class.getResourceAsStream("/org/infomorph/distributed/spark-jvm.options")) {
            List<String> file = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
            assertEquals(expected, file);
        }
    }
}
