package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;

import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Trains trials in this JVM without Spark, on a fixed pool of threads sharing one in-memory copy of the data: the
 * search loop's tests and benchmarks use it as the baseline the Spark path is compared with.
 */
public final class InProcessDispatcher implements Dispatcher {

    private final TrainingData data;
    private final TrialRunner runner;
    private final int slots;
    private final ExecutorService pool;
    private final Map<TrialKey, AtomicBoolean> cancelFlags = new ConcurrentHashMap<>();

    public InProcessDispatcher(TrainingData data, RunnerOptions options, int slots) {
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
        TrialRun run = TrialRun.epochs(task.targetEpochs()).savingTo(task.checkpoint())
                .validatingOn(task.validationShare()).trainingOn(task.trainingShare());
        if (task.resume()) {
            run = run.resumingFrom(task.checkpoint());
        }
        if (task.inheritFrom().isPresent()) {
            run = run.inheritingFrom(task.inheritFrom().get());
        }
        if (task.wallClockBudget().isPresent()) {
            run = run.withBudget(task.wallClockBudget().get());
        }
        TrialRun finalRun = run;
        AtomicBoolean cancelled = new AtomicBoolean();
        cancelFlags.put(task.key(), cancelled);
        TrialListener cancellable = new TrialListener() {
            @Override
            public void onEpoch(EpochMetrics metrics) {
                listener.onEpoch(metrics);
            }

            @Override
            public boolean shouldStop() {
                return cancelled.get() || listener.shouldStop();
            }
        };
        return CompletableFuture.supplyAsync(() -> {
            TrialResult result = runner.run(task.spec(), data, finalRun, cancellable);
            cancelFlags.remove(task.key(), cancelled);
            if (cancelled.get()) {
                throw new CancellationException("trial " + task.key() + " was cancelled");
            }
            return result;
        }, pool);
    }

    @Override
    public void cancel(TrialKey key) {
        AtomicBoolean flag = cancelFlags.get(key);
        if (flag != null) {
            flag.set(true);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
