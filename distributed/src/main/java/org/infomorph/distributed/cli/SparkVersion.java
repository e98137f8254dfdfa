package org.infomorph.distributed.cli;

import picocli.CommandLine.IVersionProvider;

/** infomorph's version and the Spark it runs on. */
final class SparkVersion implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"infomorph " + org.infomorph.runtime.cli.Version.current() + " on Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION()};
    }
}
