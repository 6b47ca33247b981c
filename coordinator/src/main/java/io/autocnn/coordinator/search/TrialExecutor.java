package io.autocnn.coordinator.search;

import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.TrialListener;

import java.util.concurrent.CompletableFuture;

/**
 * Runs trials somewhere: in this process ({@link LocalTrialExecutor}) or on Spark workers. The search loop only
 * submits tasks and reacts to their metrics and results, so every executor serves the same loop.
 */
public interface TrialExecutor extends AutoCloseable {

    /** How many trials may run at the same time. */
    int slots();

    /**
     * Starts the task; metrics arrive through {@code listener} while it runs (on the executor's thread), and the
     * listener's {@link TrialListener#shouldStop()} ends it early. Trial failures complete the future normally
     * with a FAILED result; the future fails only when the executor itself broke.
     */
    CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener);

    @Override
    void close();
}
