package io.autocnn.workers.train;

import org.bytedeco.javacpp.Pointer;

/**
 * Off-heap memory a new trial can still allocate. ND4J keeps its arrays off the Java heap through JavaCPP, which
 * refuses allocations beyond {@code org.bytedeco.javacpp.maxbytes} (tracked bytes) and
 * {@code org.bytedeco.javacpp.maxphysicalbytes} (the process's resident memory); the machine's free memory bounds
 * all three. A trial that asks for more fails with an OutOfMemoryError halfway through, or takes the JVM down.
 */
public final class OffHeapMemory {

    private OffHeapMemory() {
    }

    /** The smallest headroom of the three limits; a limit JavaCPP was told to ignore (0 or less) does not count. */
    public static long freeBytes() {
        long machine = Pointer.availablePhysicalBytes();
        long free = machine > 0 ? machine : Long.MAX_VALUE; // 0: the platform does not say
        if (Pointer.maxBytes() > 0) {
            free = Math.min(free, Pointer.maxBytes() - Pointer.totalBytes());
        }
        if (Pointer.maxPhysicalBytes() > 0) {
            free = Math.min(free, Pointer.maxPhysicalBytes() - Pointer.physicalBytes());
        }
        return Math.max(0, free);
    }
}
