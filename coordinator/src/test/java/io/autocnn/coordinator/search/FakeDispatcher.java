package io.autocnn.coordinator.search;

import io.autocnn.coordinator.dispatch.Dispatcher;
import io.autocnn.coordinator.dispatch.TrialTask;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.TrialListener;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleBiFunction;

/**
 * A dispatcher that trains nothing, for fast tests of the search loop: each run reports one epoch at its target, with
 * the validation error {@code error(trialIndex, epochs)} gives, and completes on a thread of its own (as a real
 * dispatcher's callbacks do). In {@link Mode#HOLD} a run instead waits until it is cancelled or its wall-clock budget
 * ends (then TIMEOUT, as the trainer reports); in {@link Mode#FAIL} every run fails.
 */
public final class FakeDispatcher implements Dispatcher {

    public enum Mode { REPORT, HOLD, FAIL }

    private final int slots;
    private final Mode mode;
    private final ToDoubleBiFunction<Integer, Double> error;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "fake-trial");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<TrialKey, CompletableFuture<TrialResult>> held = new ConcurrentHashMap<>();
    final List<TrialTask> submitted = new CopyOnWriteArrayList<>();
    final List<TrialKey> cancelled = new CopyOnWriteArrayList<>();
    private volatile boolean cancelsIgnored;

    public FakeDispatcher(int slots, Mode mode, ToDoubleBiFunction<Integer, Double> error) {
        this.slots = slots;
        this.mode = mode;
        this.error = error;
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener) {
        submitted.add(task);
        CompletableFuture<TrialResult> result = new CompletableFuture<>();
        switch (mode) {
            case REPORT -> threads.execute(() -> {
                double epochs = task.targetEpochs();
                EpochMetrics metrics = new EpochMetrics(epochs, 0.5, 0.1,
                        error.applyAsDouble(task.key().trialIndex(), epochs), OptionalDouble.empty(), 0.01, 1e4, 100);
                listener.onEpoch(metrics);
                result.complete(TrialResult.completed(List.of(metrics), epochs, 100));
            });
            case HOLD -> {
                held.put(task.key(), result);
                task.wallClockBudget().ifPresent(budget -> CompletableFuture.delayedExecutor(
                        budget.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS, threads).execute(() ->
                        result.complete(TrialResult.failed(FailureCause.TIMEOUT, "budget used up", List.of(), 0, 100))));
            }
            case FAIL -> threads.execute(() -> result.complete(TrialResult.failed(FailureCause.EXCEPTION,
                    "trial " + task.key() + " broke", List.of(), 0, 100)));
        }
        return result;
    }

    /** From now on a cancel is only recorded, as Spark's asynchronous job cancellation may not have landed yet. */
    public void ignoreCancels() {
        cancelsIgnored = true;
    }

    /** Ends every held run with {@code error}, as Spark stopping under its jobs does. */
    public void failHeld(Throwable error) {
        held.values().forEach(run -> run.completeExceptionally(error));
        held.clear();
    }

    @Override
    public void cancel(TrialKey key) {
        cancelled.add(key);
        if (cancelsIgnored) {
            return;
        }
        CompletableFuture<TrialResult> run = held.remove(key);
        if (run != null) {
            run.completeExceptionally(new CancellationException("trial " + key + " was cancelled"));
        }
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
