package org.infomorph.runtime.sim;

import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.infomorph.compiler.rtl.GeneratorParams;

/**
 * One Verilator simulation of {@code LluArray} (docs/llu-rtl.md, "Host port"), driven through
 * the shim's C ABI with JNA direct mapping. Each instance owns its own model (and Verilator
 * context); instances of one library share its binding. Not thread-safe: one thread per instance.
 *
 * <p>Errors inside the model (a Verilator fatal, {@code $stop}, {@code $finish}) and timeouts come
 * back as {@link SimException}; after a model error the instance is dead and every call fails.
 */
public final class SimModel implements org.infomorph.runtime.array.ArrayPort {
    /** Cycles a command may take before it is a timeout (override: {@code -Dinfomorph.sim.maxCycles}). */
    public static final long DEFAULT_MAX_CYCLES = Long.getLong("infomorph.sim.maxCycles", 1L << 28);

    /** Loaded libraries by build folder and stamp: their binding is shared. */
    private static final Map<String, Loaded> LOADED = new HashMap<>();

    private record Loaded(SimNative.Api api, String hash) {}

    private final SimNative.Api api;
    private final GeneratorParams params;
    private Pointer handle;
    private long nativeNanos;
    private long maxCycles = DEFAULT_MAX_CYCLES;

    private SimModel(SimNative.Api api, GeneratorParams params) {
        this.api = api;
        this.params = params;
        long t = System.nanoTime();
        handle = api.create();
        nativeNanos += System.nanoTime() - t;
        if (handle == null) throw new SimException("the simulation model could not be created (see stderr)");
    }

    /** A simulation of the array with these parameters (the library is built on first use). */
    public static SimModel open(GeneratorParams p) {
        return open(p, false);
    }

    /** As {@link #open(GeneratorParams)}; {@code trace} selects the build that can write VCD traces. */
    public static SimModel open(GeneratorParams p, boolean trace) {
        SimBuild b = SimBuild.defaults();
        return load(b.build(p, trace).library(), p, b.cache());
    }

    /** A simulation from a built library, which must have been built for {@code p}. */
    public static SimModel load(Path library, GeneratorParams p, Path cache) {
        Loaded l = loaded(library, cache);
        if (!p.hash().equals(l.hash))
            throw new SimException("simulation library " + library + " was built for generator parameters " + l.hash + ", not " + p.hash()
                    + "; delete " + library.getParent() + " to rebuild it");
        return new SimModel(l.api, p);
    }

    private static synchronized Loaded loaded(Path library, Path cache) {
        try {
            Path lib = library.toAbsolutePath().normalize();
            Path stamp = lib.resolveSibling("build.stamp");
            String key = lib + "|" + (Files.exists(stamp) ? Files.readString(stamp).strip() : Files.getLastModifiedTime(lib).toString());
            Loaded l = LOADED.get(key);
            if (l != null) return l;
            // a unique copy: reloading a rebuilt library under the same path breaks
            Path loadDir = Files.createDirectories(cache.resolve("sim").resolve("loaded"));
            if (System.getProperty("jna.tmpdir") == null) System.setProperty("jna.tmpdir", Files.createDirectories(cache.resolve("jna")).toString());
            Path copy = Files.createTempFile(loadDir, lib.getParent().getFileName() + "-", ".so");
            try {
                Files.copy(lib, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                NativeLibrary nl = NativeLibrary.getInstance(copy.toString());
                SimNative.Api api = SimNative.bind(nl);
                l = new Loaded(api, api.paramsHash());
            } finally {
                Files.deleteIfExists(copy); // mapped already; the name is not needed any more
            }
            LOADED.put(key, l);
            return l;
        } catch (IOException e) {
            throw new SimException("cannot load the simulation library " + library + ": " + e.getMessage(), e);
        } catch (UnsatisfiedLinkError e) {
            throw new SimException("cannot load the simulation library " + library + ": " + e.getMessage(), e);
        }
    }

    public GeneratorParams params() {
        return params;
    }

    /** The cycle limit of one command ({@link #DEFAULT_MAX_CYCLES} unless set). */
    public void setMaxCycles(long cycles) {
        if (cycles < 1) throw new IllegalArgumentException("maxCycles must be >= 1");
        maxCycles = cycles;
    }

    /** Holds reset for a few cycles. */
    public void reset() {
        long t = enter();
        int r = api.reset(handle);
        leave(t);
        check(r, "reset");
    }

    /** WRITE commands of {@code data} to consecutive words from {@code word}. */
    public void write(int region, int unit, int word, long[] data) {
        int addr = SimRegions.address(region, unit, word);
        checkSpan(word, data.length);
        long t = enter();
        int r = api.write(handle, addr, data, data.length);
        leave(t);
        check(r, "write");
    }

    /** READ commands of {@code n} consecutive words from {@code word}. */
    public long[] read(int region, int unit, int word, int n) {
        int addr = SimRegions.address(region, unit, word);
        checkSpan(word, n);
        long[] out = new long[n];
        long t = enter();
        int r = api.read(handle, addr, out, n);
        leave(t);
        check(r, "read");
        return out;
    }

    /** Issues RUN, BOUNDARY or PASS2 ({@link SimRegions}) and waits until the array is ready: the cycles taken. */
    public long command(int op, long arg) {
        long t = enter();
        long r = api.command(handle, op, arg, maxCycles);
        leave(t);
        return check(r, "command " + op);
    }

    /**
     * A batch in one native call. Per sample b: the features {@code x[b*features ..]} to INPUT,
     * {@code LABEL} = {@code labels[b]} (or -1 when {@code labels} is null), RUN with
     * {@code runArg | b << 16}, then {@code outWords} words of OUT from {@code outRegionWord} into
     * {@code out[b*outWords ..]}; {@code cyclesPerSample[b]} (may be null) = the RUN's cycles.
     *
     * @return every cycle the batch took, transfers included
     */
    public long runBatch(int[] x, int features, int[] labels, long runArg, int outRegionWord, int outWords, long[] out, long[] cyclesPerSample) {
        if (features < 0 || outWords < 0) throw new IllegalArgumentException("features and outWords must be >= 0");
        int batch = features == 0 ? (labels != null ? labels.length : 0) : x.length / features;
        if (features > 0 && x.length % features != 0) throw new IllegalArgumentException("x.length " + x.length + " is not a multiple of " + features);
        if (labels != null && labels.length < batch) throw new IllegalArgumentException("labels has " + labels.length + " entries for " + batch + " samples");
        if (out.length < (long) batch * outWords) throw new IllegalArgumentException("out has " + out.length + " words; needs " + (long) batch * outWords);
        if (cyclesPerSample != null && cyclesPerSample.length < batch)
            throw new IllegalArgumentException("cyclesPerSample has " + cyclesPerSample.length + " entries for " + batch + " samples");
        checkSpan(outRegionWord, outWords);
        int outAddr = SimRegions.address(SimRegions.OUT, 0, outRegionWord);
        long t = enter();
        long r = api.runBatch(handle, batch, features, x, labels, runArg, outAddr, outWords, out, cyclesPerSample, maxCycles);
        leave(t);
        return check(r, "runBatch");
    }

    /**
     * Passes one Verilator run-time argument ({@code +verilator+seed+N}, a design plusarg). An
     * unknown {@code +verilator+} option is a model error (the instance is dead afterwards).
     */
    public void plusarg(String arg) {
        long t = enter();
        int r = api.plusarg(handle, arg);
        leave(t);
        check(r, "plusarg");
    }

    /** Clock cycles since the model was created. */
    public long cycles() {
        long t = enter();
        long r = api.cycles(handle);
        leave(t);
        return r;
    }

    /** Starts ({@code on}) or stops writing a VCD trace; needs a library opened with {@code trace = true}. */
    public void trace(Path vcd, boolean on) {
        String path = vcd == null ? null : vcd.toAbsolutePath().toString();
        long t = enter();
        int r = api.trace(handle, path, on ? 1 : 0);
        leave(t);
        check(r, "trace");
    }

    /** Wall time spent inside native calls so far, in seconds. */
    public double nativeSeconds() {
        return nativeNanos / 1e9;
    }

    /** Frees the model; later calls fail. */
    @Override
    public void close() {
        if (handle == null) return;
        long t = System.nanoTime();
        api.destroy(handle);
        nativeNanos += System.nanoTime() - t;
        handle = null;
    }

    private long enter() {
        if (handle == null) throw new IllegalStateException("the simulation model is closed");
        return System.nanoTime();
    }

    private void leave(long t0) {
        nativeNanos += System.nanoTime() - t0;
    }

    private long check(long r, String what) {
        if (r >= 0) return r;
        String kind = r == -1 ? "timeout" : r == -2 ? "model error" : r == -4 ? "no trace support" : "error";
        throw new SimException("simulation " + what + ": " + kind + ": " + api.lastError(handle));
    }

    private static void checkSpan(int word, int n) {
        if (n < 0 || (long) word + n > SimRegions.WORD_MASK + 1L)
            throw new IllegalArgumentException("words " + word + ".." + ((long) word + n - 1) + " exceed a region's 2^20 words");
    }
}
