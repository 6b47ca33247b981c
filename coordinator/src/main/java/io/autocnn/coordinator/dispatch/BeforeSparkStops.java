package io.autocnn.coordinator.dispatch;

import org.apache.spark.util.ShutdownHookManager;
import scala.runtime.AbstractFunction0;
import scala.runtime.BoxedUnit;

/**
 * Runs work at JVM shutdown (Ctrl-C, {@code kill}) before Spark's own hook stops the {@code SparkContext}. The JVM runs
 * its shutdown hooks at once and in no order, so a plain {@code Runtime} hook that stops searches races Spark and may
 * find the context gone, failing every running trial; Spark's hook manager runs hooks one by one by priority instead.
 */
public final class BeforeSparkStops {

    /** Above the context's priority: runs first. */
    private static final int PRIORITY = ShutdownHookManager.SPARK_CONTEXT_SHUTDOWN_PRIORITY() + 10;

    private final Object handle;

    private BeforeSparkStops(Object handle) {
        this.handle = handle;
    }

    /** Registers {@code work}; {@link #cancel()} removes it again when the process ends on its own. */
    public static BeforeSparkStops run(Runnable work) {
        return new BeforeSparkStops(ShutdownHookManager.addShutdownHook(PRIORITY, new AbstractFunction0<BoxedUnit>() {
            @Override
            public BoxedUnit apply() {
                work.run();
                return BoxedUnit.UNIT;
            }
        }));
    }

    /** Unregisters the work (it has not run and will not). */
    public void cancel() {
        ShutdownHookManager.removeShutdownHook(handle);
    }
}
