package io.autocnn.bench;

import io.autocnn.coordinator.dispatch.Dispatcher;
import io.autocnn.coordinator.dispatch.TrialTask;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.workers.train.TrialListener;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/** Wraps a dispatcher, noting every run the search loop submits and when its answer comes back. */
final class RecordingDispatcher implements Dispatcher {

    /**
     * One run as the search loop saw it: nanoTime for intervals, the wall clock to line it up with Spark's event
     * times, how long the submit call held the search loop; the result is null when the run ended without one
     * (cancelled, Spark gave up).
     */
    record Run(int trialIndex, double targetEpochs, long submittedNanos, long answeredNanos, long submittedMillis,
               long answeredMillis, long submitCallNanos, TrialResult result) {
    }

    private final Dispatcher inner;
    private final List<Run> runs = new CopyOnWriteArrayList<>();

    RecordingDispatcher(Dispatcher inner) {
        this.inner = inner;
    }

    /** The runs answered so far, in the order their answers came. */
    List<Run> runs() {
        return List.copyOf(runs);
    }

    @Override
    public int slots() {
        return inner.slots();
    }

    @Override
    public CompletableFuture<TrialResult> submit(TrialTask task, TrialListener listener) {
        long submitted = System.nanoTime();
        long submittedMillis = System.currentTimeMillis();
        CompletableFuture<TrialResult> answer = inner.submit(task, listener);
        long submitCall = System.nanoTime() - submitted;
        return answer.whenComplete((result, error) -> runs.add(new Run(task.key().trialIndex(), task.targetEpochs(),
                submitted, System.nanoTime(), submittedMillis, System.currentTimeMillis(), submitCall, result)));
    }

    @Override
    public void cancel(TrialKey key) {
        inner.cancel(key);
    }

    @Override
    public void close() {
        inner.close();
    }
}
