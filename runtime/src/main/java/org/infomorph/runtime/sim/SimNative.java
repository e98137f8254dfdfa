package org.infomorph.runtime.sim;

import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;

/**
 * Internal: the JNA binding of the shim's C ABI (hw-sim/src/main/cpp/shim.cpp), direct mapping.
 *
 * <p>Direct mapping registers a class's static native methods to one library, so each simulation
 * library needs a class of its own. {@link #bind} defines a fresh copy of {@link Binding} (same
 * bytes, a new class loader) per library and registers it; the copies implement {@link Api},
 * which the parent loader defines once, so callers see one interface.
 */
public final class SimNative {
    private SimNative() {}

    /** The shim's functions; one implementation per loaded library. */
    public interface Api {
        Pointer create();

        void destroy(Pointer h);

        int reset(Pointer h);

        int write(Pointer h, int addr, long[] data, int n);

        int read(Pointer h, int addr, long[] out, int n);

        long command(Pointer h, int op, long arg, long maxCycles);

        long runBatch(Pointer h, int batch, int features, int[] x, int[] labels, long runArg, int outAddr, int outWords, long[] out,
                long[] cyclesPerSample, long maxCycles);

        long cycles(Pointer h);

        String paramsHash();

        int trace(Pointer h, String path, int on);

        String lastError(Pointer h);

        int plusarg(Pointer h, String arg);
    }

    /** Static natives, registered to one library per defined copy of this class. */
    public static final class Binding implements Api {
        public Binding() {}

        static native Pointer ifm_create();

        static native void ifm_destroy(Pointer h);

        static native int ifm_reset(Pointer h);

        static native int ifm_write(Pointer h, int addr, long[] data, int n);

        static native int ifm_read(Pointer h, int addr, long[] out, int n);

        static native long ifm_command(Pointer h, int op, long arg, long maxCycles);

        static native long ifm_run_batch(Pointer h, int batch, int features, int[] x, int[] labels, long runArg, int outAddr, int outWords,
                long[] out, long[] cyclesPerSample, long maxCycles);

        static native long ifm_cycles(Pointer h);

        static native Pointer ifm_params_hash();

        static native int ifm_trace(Pointer h, String path, int on);

        static native Pointer ifm_last_error(Pointer h);

        static native int ifm_plusarg(Pointer h, String arg);

        @Override
        public Pointer create() {
            return ifm_create();
        }

        @Override
        public void destroy(Pointer h) {
            ifm_destroy(h);
        }

        @Override
        public int reset(Pointer h) {
            return ifm_reset(h);
        }

        @Override
        public int write(Pointer h, int addr, long[] data, int n) {
            return ifm_write(h, addr, data, n);
        }

        @Override
        public int read(Pointer h, int addr, long[] out, int n) {
            return ifm_read(h, addr, out, n);
        }

        @Override
        public long command(Pointer h, int op, long arg, long maxCycles) {
            return ifm_command(h, op, arg, maxCycles);
        }

        @Override
        public long runBatch(Pointer h, int batch, int features, int[] x, int[] labels, long runArg, int outAddr, int outWords, long[] out,
                long[] cyclesPerSample, long maxCycles) {
            return ifm_run_batch(h, batch, features, x, labels, runArg, outAddr, outWords, out, cyclesPerSample, maxCycles);
        }

        @Override
        public long cycles(Pointer h) {
            return ifm_cycles(h);
        }

        @Override
        public String paramsHash() {
            Pointer p = ifm_params_hash();
            return p == null ? null : p.getString(0);
        }

        @Override
        public int trace(Pointer h, String path, int on) {
            return ifm_trace(h, path, on);
        }

        @Override
        public String lastError(Pointer h) {
            Pointer p = ifm_last_error(h);
            return p == null ? "" : p.getString(0);
        }

        @Override
        public int plusarg(Pointer h, String arg) {
            return ifm_plusarg(h, arg);
        }
    }

    /** A new copy of {@link Binding} registered to {@code lib}. */
    static Api bind(NativeLibrary lib) {
        try {
            Class<?> c = new CopyLoader(SimNative.class.getClassLoader()).copy();
            Native.register(c, lib);
            return (Api) c.getConstructor().newInstance();
        } catch (IOException | ReflectiveOperationException e) {
            Throwable t = e instanceof InvocationTargetException ite ? ite.getCause() : e;
            throw new SimException("cannot bind the simulation library " + lib.getFile() + ": " + t, t);
        }
    }

    /** Defines {@link Binding} itself (child first); everything else comes from the parent. */
    private static final class CopyLoader extends ClassLoader {
        static {
            registerAsParallelCapable();
        }

        CopyLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> copy() throws IOException {
            String name = Binding.class.getName();
            try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) throw new IOException("class file of " + name + " not found");
                byte[] b = in.readAllBytes();
                return defineClass(name, b, 0, b.length);
            }
        }
    }
}
