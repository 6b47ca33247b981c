package io.autocnn.coordinator.dispatch;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.train.TrialListener;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A trial's listener that keeps every epoch the coordinator delivers and lets a test wait for the second one: the
 * moment a fault test kills a trial's worker, once the trial is surely training there.
 */
final class DeliveredEpochs implements TrialListener {

    final List<Double> epochs = new CopyOnWriteArrayList<>();
    private final CountDownLatch second = new CountDownLatch(2);

    @Override
    public void onEpoch(EpochMetrics metrics) {
        epochs.add(metrics.epoch());
        second.countDown();
    }

    /** Whether a second epoch was delivered within {@code timeout}. */
    boolean awaitSecond(Duration timeout) throws InterruptedException {
        return second.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
