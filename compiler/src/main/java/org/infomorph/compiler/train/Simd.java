package org.infomorph.compiler.train;

/**
 * Whether this JVM runs the Vector API kernels: the launcher (and the test runner) load the
 * incubator module {@code jdk.incubator.vector}; without it every kernel has a scalar twin that
 * gives the same bits, only slower. The vector classes are touched only when this says yes.
 */
final class Simd {
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && usable();

    private Simd() {}

    private static boolean usable() {
        try {
            return VectorGemmKernel.usable();
        } catch (LinkageError e) {
            return false; // the module is listed but cannot be linked: the scalar twins give the same bits
        }
    }
}
