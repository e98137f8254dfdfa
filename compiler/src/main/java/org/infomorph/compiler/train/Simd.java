package org.infomorph.compiler.train;

/**
 * Whether the float trainers run their Vector API kernels ({@link VectorGemmKernel},
 * {@link VectorActivation}): the launcher and the test runner load the incubator module
 * {@code jdk.incubator.vector}; without it every kernel runs its scalar twin, which gives the same
 * bits, slower. The vector classes are only touched when this says yes.
 *
 * <p>Vector API code is fast only once the JIT's optimising compiler has compiled it; before, it
 * is far slower than scalar code. The launcher therefore asks for these classes to be compiled
 * early ({@code CompileThresholdScaling}); the first batches of a run are still slow.
 */
final class Simd {
    static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent() && usable();

    private Simd() {}

    /** "vector (N x float64)" or "scalar", for benchmark reports. */
    static String describe() {
        return ENABLED ? "vector (" + VectorGemmKernel.lanes() + " x float64)" : "scalar";
    }

    private static boolean usable() {
        try {
            return VectorGemmKernel.usable();
        } catch (LinkageError e) {
            return false; // the module is listed but cannot be linked: the scalar twins give the same bits
        }
    }
}
