package io.autocnn.coordinator.compare;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.train.TrialListener;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Passes a run's progress on to its listener and notes when each of its batches ended, so a short run can tell how
 * fast the network trains once started: the first batches of a run also pay for reading the checkpoint, cloning
 * replicas and the native library's first calls, and the speed of a run's later half leaves them out.
 */
final class BatchClock implements TrialListener {

    private final TrialListener listener;
    private final LongSupplier nanoTime;
    private final List<Long> batchEnds = new ArrayList<>();

    BatchClock(TrialListener listener) {
        this(listener, System::nanoTime);
    }

    BatchClock(TrialListener listener, LongSupplier nanoTime) {
        this.listener = listener;
        this.nanoTime = nanoTime;
    }

    @Override
    public void onBatch(int epochNumber, int done, int total) {
        batchEnds.add(nanoTime.getAsLong());
        listener.onBatch(epochNumber, done, total);
    }

    @Override
    public void onEpoch(EpochMetrics metrics) {
        listener.onEpoch(metrics);
    }

    @Override
    public boolean shouldStop() {
        return listener.shouldStop();
    }

    /**
     * Examples a second over the later half of the batches timed, at {@code batchSize} each; NaN with fewer than four
     * batches, too few to leave the start-up out.
     */
    double laterHalfExamplesPerSecond(int batchSize) {
        int batches = batchEnds.size();
        if (batches < 4) {
            return Double.NaN;
        }
        int middle = batches / 2 - 1;
        double seconds = (batchEnds.get(batches - 1) - batchEnds.get(middle)) / 1e9;
        return seconds <= 0 ? Double.NaN : (batches - 1 - middle) * (double) batchSize / seconds;
    }
}
