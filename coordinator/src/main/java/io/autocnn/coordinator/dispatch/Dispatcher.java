package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.TrialListener;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * Runs trials somewhere: in this process ({@link InProcessDispatcher}) or on Spark executors
 * ({@link SparkDispatcher#forData}). The search loop only submits trials, receives their events and cancels them, so every
 * dispatcher serves the same loop.
 */
public interface Dispatcher extends AutoCloseable {

    /** How many trials may run at the same time. */
    int slots();

    /**
     * Starts the task; each epoch's metrics reach {@code listener} while it runs, once each and in order, and the
     * listener's {@link TrialListener#shouldStop()} ends it early (pause, prune). Trial failures complete the future
     * normally with a FAILED result; the future fails when the dispatcher could not run the trial (an
     * infrastructure failure) and with a {@link CancellationException} when {@link #cancel} stopped it.
     */
    CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener);

    /**
     * Stops the running task of trial {@code key}, if any; its future fails with a CancellationException. Runs of
     * other experiments are never touched, whatever their trial indexes.
     */
    void cancel(TrialKey key);

    @Override
    void close();
}
