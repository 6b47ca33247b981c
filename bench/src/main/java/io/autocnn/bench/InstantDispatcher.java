package io.autocnn.bench;

import io.autocnn.coordinator.dispatch.Dispatcher;
import io.autocnn.coordinator.dispatch.TrialTask;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.TrialListener;

import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.CompletableFuture;

/**
 * A baseline for dispatch benchmarks: reports one epoch and completes on the caller's thread, as a no-op Spark task
 * does remotely, so a search through it costs only sampling, scheduling and bookkeeping.
 */
final class InstantDispatcher implements Dispatcher {

    private final int slots;

    InstantDispatcher(int slots) {
        this.slots = slots;
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener) {
        EpochMetrics metrics = new EpochMetrics(task.targetEpochs(), 0, 0.5, 0.5, OptionalDouble.empty(), 0, 0, 0);
        listener.onEpoch(metrics);
        return CompletableFuture.completedFuture(TrialResult.completed(List.of(metrics), task.targetEpochs(), 0));
    }

    @Override
    public void cancel(TrialKey key) {
    }

    @Override
    public void close() {
    }
}
