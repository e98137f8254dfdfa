package org.infomorph.distributed.spark;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A Spark standalone cluster on 127.0.0.1 for tests: a master and one worker with one core, each
 * its own JVM, started from a Spark home whose jars are Spark's and its dependencies only: infomorph's
 * own jars (and the libraries {@link ShippedJars} names) reach the executor through spark.jars,
 * as on a real cluster. {@link #close} ends the processes it started (and the executors the worker
 * started).
 */
public final class StandaloneCluster implements AutoCloseable {
    private final List<Process> processes = new ArrayList<>();
    private final int port;

    private StandaloneCluster(int port) {
        this.port = port;
    }

    public String url() {
        return "spark://127.0.0.1:" + port;
    }

    public static StandaloneCluster start(Path work) throws IOException, InterruptedException {
        Path home = work.resolve("spark-home");
        Path jars = home.resolve("jars");
        Files.createDirectories(jars);
        Files.writeString(home.resolve("RELEASE"), "Spark for infomorph tests\n");
        Set<Path> shipped = Set.copyOf(ShippedJars.sources());
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        for (String e : cp.split(File.pathSeparator)) {
            Path p = Path.of(e).toAbsolutePath();
            if (!e.endsWith(".jar") || shipped.contains(p) || !Files.isRegularFile(p)) continue;
            Path link = jars.resolve(p.getFileName());
            if (!Files.exists(link)) Files.createSymbolicLink(link, p);
        }
        StandaloneCluster c = new StandaloneCluster(freePort());
        try {
            c.processes.add(c.launch(work, home, "master", List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                    String.valueOf(c.port), "--webui-port", String.valueOf(freePort()))));
            c.awaitPort(60);
            c.processes.add(c.launch(work, home, "worker", List.of("org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "1g", "--work-dir", work.resolve("worker").toString(), "--webui-port", String.valueOf(freePort()), c.url())));
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
        return c;
    }

    private Process launch(Path work, Path home, String name, List<String> mainAndArgs) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Xmx512m");
        try (InputStream in = StandaloneCluster.class.getResourceAsStream("/org/infomorph/distributed/spark-jvm.options")) {
            cmd.addAll(new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).collect(Collectors.toList()));
        }
        cmd.add("-cp");
        cmd.add(home.resolve("jars") + File.separator + "*");
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", home.toString());
        pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
        pb.environment().put("SPARK_SCALA_VERSION", "2.13"); // where a Spark distribution would say it by its layout
        return pb.start();
    }

    private void awaitPort(int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the test's Spark master did not open port " + port + " within " + seconds + " s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : processes) {
            p.descendants().forEach(ProcessHandle::destroy);
            p.destroy();
        }
        for (Process p : processes) {
            try {
                if (!p.waitFor(20, TimeUnit.SECONDS)) {
                    p.descendants().forEach(ProcessHandle::destroyForcibly);
                    p.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
