package org.infomorph.distributed.spark;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.infomorph.compiler.InvalidInputException;

/**
 * Where the tasks run: {@code local[*]} (embedded, every core), {@code local[N]} (embedded, N cores)
 * or {@code spark://HOST:PORT} (a standalone cluster). Other Spark masters are refused, so that a
 * typo is one clear line instead of a Spark stack trace.
 */
public record SparkMaster(String url, String host, int port, int localCores) {
    public static final String DEFAULT = "local[*]";
    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\*|[0-9]+)\\])?");
    private static final Pattern STANDALONE = Pattern.compile("spark://([^:/\\s]+):([0-9]{1,5})");

    public boolean local() {
        return host == null;
    }

    /** Whether the driver should bind to the loopback address (local, or a master on this machine). */
    public boolean loopback() {
        return local() || host.equals("127.0.0.1") || host.equals("localhost");
    }

    public static SparkMaster parse(String text) {
        String s = text == null ? DEFAULT : text.strip();
        Matcher m = LOCAL.matcher(s);
        if (m.matches()) {
            int cores = m.group(1) == null ? 1 : m.group(1).equals("*") ? Runtime.getRuntime().availableProcessors() : parseCores(m.group(1), s);
            return new SparkMaster(s, null, 0, cores);
        }
        m = STANDALONE.matcher(s);
        if (m.matches()) {
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65535) throw bad(s, "the port must be in 1..65535");
            return new SparkMaster(s, m.group(1), port, 0);
        }
        throw bad(s, "use local[*], local[N] or spark://HOST:PORT");
    }

    private static int parseCores(String n, String s) {
        int c = Integer.parseInt(n);
        if (c < 1) throw bad(s, "N in local[N] must be >= 1");
        return c;
    }

    private static InvalidInputException bad(String s, String why) {
        return new InvalidInputException("--master '" + s + "': " + why);
    }

    /** For a standalone master: fails with one line unless HOST:PORT accepts a connection within the timeout. */
    public void checkReachable(int timeoutMillis) {
        if (local()) return;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
        } catch (IOException e) {
            throw new InvalidInputException("--master " + url + ": cannot reach the Spark master (" + e.getMessage()
                    + "); start it (sbin/start-master.sh) and a worker, or use --master local[*]");
        }
    }
}
