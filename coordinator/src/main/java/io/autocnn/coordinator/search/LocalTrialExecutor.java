package io.autocnn.coordinator.search;

import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Trains trials in this JVM, on a fixed pool of worker threads sharing one in-memory copy of the data. */
public final class LocalTrialExecutor implements TrialExecutor {

    private final TrainingData data;
    private final TrialRunner runner;
    private final int slots;
    private final ExecutorService pool;

    public LocalTrialExecutor(TrainingData data, RunnerOptions options, int slots) {
        if (slots < 1) {
            throw new IllegalArgumentException("at least one concurrent trial is needed, got " + slots);
        }
        this.data = data;
        this.runner = new TrialRunner(options);
        this.slots = slots;
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(slots, task -> {
            Thread thread = new Thread(task, "trial-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public int slots() {
        return slots;
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener) {
        TrialRun run = TrialRun.epochs(task.targetEpochs()).savingTo(task.checkpoint());
        if (task.resume()) {
            run = run.resumingFrom(task.checkpoint());
        }
        if (task.wallClockBudget().isPresent()) {
            run = run.withBudget(task.wallClockBudget().get());
        }
        TrialRun finalRun = run;
        return CompletableFuture.supplyAsync(() -> runner.run(task.spec(), data, finalRun, listener), pool);
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
