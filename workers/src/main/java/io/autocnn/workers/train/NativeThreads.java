package io.autocnn.workers.train;

import org.nd4j.linalg.factory.Nd4j;

/** The native threads each of ND4J's operations runs on in this JVM. */
final class NativeThreads {

    private NativeThreads() {
    }

    /** OpenMP's count, set by OMP_NUM_THREADS before the JVM starts (1 for a search's processes). */
    static int count() {
        return Math.max(1, Nd4j.getEnvironment().maxThreads());
    }
}
