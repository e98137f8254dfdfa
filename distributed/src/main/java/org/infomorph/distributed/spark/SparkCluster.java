package org.infomorph.distributed.spark;

import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.IntConsumer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.infomorph.compiler.InvalidInputException;

/**
 * An Apache Spark context that runs lists of independent tasks, one Spark task per input, and
 * returns one {@link TaskOutcome} per input in input order.
 *
 * <p>Each task runs its body in a one-thread fork/join pool, so the parallel streams of the
 * trainers and of the reference model stay on the task's core: Spark's cores are the only
 * parallelism, and local[2] runs two evaluations side by side instead of four threads on two
 * cores. The numbers do not depend on it (the models are deterministic whatever the threads).
 *
 * <p>An exception in a task becomes a failed outcome (reported, never dropped). Spark itself
 * retries a task whose executor is lost (spark.task.maxFailures, 4 on a cluster).
 */
public final class SparkCluster implements AutoCloseable {
    private final JavaSparkContext jsc;
    private final SparkMaster master;

    private SparkCluster(JavaSparkContext jsc, SparkMaster master) {
        this.jsc = jsc;
        this.master = master;
    }

    /**
     * Starts a context on {@code master}. {@code conf} (from {@code --conf KEY=VALUE}) is applied last.
     * A standalone master must be reachable and give an executor within {@code executorWaitSeconds}.
     */
    public static SparkCluster start(SparkMaster master, String appName, Map<String, String> conf, int executorWaitSeconds) {
        master.checkReachable(5_000);
        SparkConf c = new SparkConf()
                .setMaster(master.url())
                .setAppName(appName)
                .set("spark.ui.enabled", "false")
                .set("spark.ui.showConsoleProgress", "false");
        if (master.loopback()) c.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        if (!master.local()) {
            try {
                Path scratch = Files.createTempDirectory("infomorph-spark-jars");
                scratch.toFile().deleteOnExit();
                c.set("spark.jars", String.join(",", ShippedJars.jars(scratch)));
                // the trainers' SIMD kernels, as in the launcher's JVM (without it: the same bits, slower)
                c.set("spark.executor.extraJavaOptions", "--add-modules jdk.incubator.vector");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        conf.forEach(c::set);
        JavaSparkContext jsc = new JavaSparkContext(c);
        SparkCluster cluster = new SparkCluster(jsc, master);
        if (!master.local()) cluster.awaitExecutor(executorWaitSeconds);
        return cluster;
    }

    private void awaitExecutor(int seconds) {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (jsc.sc().statusTracker().getExecutorInfos().length < 2) { // the driver is one of them
            if (System.nanoTime() > deadline || jsc.sc().isStopped()) {
                close();
                throw new InvalidInputException("--master " + master.url() + ": no executor joined within " + seconds
                        + " s; start a worker with free cores and memory (sbin/start-worker.sh " + master.url() + ")");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    public SparkMaster master() {
        return master;
    }

    /** Cores the tasks run on (Spark's default parallelism). */
    public int cores() {
        return jsc.defaultParallelism();
    }

    /** Ships {@code value} once to every executor (a broadcast), for any number of jobs. */
    public <D extends Serializable> Broadcast<D> share(D value) {
        return jsc.broadcast(value);
    }

    /** A task input with its position. */
    record Indexed<T>(int index, T value) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /**
     * Runs {@code fn(shared, task)} for every task as one Spark job, one task per input. {@code onDone}
     * (may be null) hears the index of every task that finished, as it finishes, on Spark's listener thread.
     */
    public <D, T extends Serializable, R extends Serializable> List<TaskOutcome<R>> run(Broadcast<D> shared, List<T> tasks,
            TaskFunction<D, T, R> fn, IntConsumer onDone) {
        if (tasks.isEmpty()) return List.of();
        List<Indexed<T>> in = new ArrayList<>();
        for (int i = 0; i < tasks.size(); i++) in.add(new Indexed<>(i, tasks.get(i)));
        SparkListener listener = onDone == null ? null : new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                if (end.taskInfo().successful()) onDone.accept(end.taskInfo().index());
            }
        };
        if (listener != null) jsc.sc().addSparkListener(listener);
        try {
            return jsc.parallelize(in, in.size()).map(task(shared, fn)).collect();
        } catch (Exception e) { // Scala throws SparkException undeclared: an aborted job (executors lost, retries used up)
            if (e instanceof org.apache.spark.SparkException)
                throw new JobFailure("the Spark job failed on " + master.url() + ": " + e.getMessage().lines().findFirst().orElse(""));
            throw e;
        } finally {
            if (listener != null) jsc.sc().removeSparkListener(listener);
        }
    }

    /** The task body; static, so the closure holds only the broadcast and the function. */
    private static <D, T, R> Function<Indexed<T>, TaskOutcome<R>> task(Broadcast<D> shared, TaskFunction<D, T, R> fn) {
        return p -> {
            try {
                return new TaskOutcome<>(p.index(), onOneCore(() -> fn.apply(shared.value(), p.value())), null);
            } catch (Throwable t) {
                return TaskOutcome.failed(p.index(), t);
            }
        };
    }

    static <R> R onOneCore(Callable<R> body) throws Throwable {
        ForkJoinPool pool = new ForkJoinPool(1);
        try {
            return pool.submit(body).get();
        } catch (ExecutionException e) {
            throw e.getCause();
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        jsc.close();
    }
}
