package org.infomorph.distributed.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.infomorph.distributed.spark.SparkCluster;
import org.infomorph.distributed.spark.SparkMaster;
import picocli.CommandLine.Option;

/** Where the evaluations run: Spark's master and extra Spark settings. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = SparkMaster.DEFAULT,
            description = "local[*] (embedded, every core), local[N] (N cores) or spark://HOST:PORT (a standalone cluster; "
                    + "its workers need Spark 4.0 only: infomorph ships its jars and the data) (default: ${DEFAULT-VALUE})")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "a Spark setting, e.g. spark.driver.host=10.0.0.5 or spark.executor.memory=4g (repeatable)")
    Map<String, String> conf = new LinkedHashMap<>();

    @Option(names = "--executor-wait", paramLabel = "SECONDS", defaultValue = "60",
            description = "how long a standalone master may take to give an executor (default: ${DEFAULT-VALUE})")
    int executorWaitSeconds;

    /** The master, checked before any data is loaded: a bad or unreachable one is one line. */
    SparkMaster check() {
        SparkMaster m = SparkMaster.parse(master);
        m.checkReachable(5_000);
        return m;
    }

    SparkCluster start(String app) {
        return SparkCluster.start(SparkMaster.parse(master), app, conf, executorWaitSeconds);
    }
}
