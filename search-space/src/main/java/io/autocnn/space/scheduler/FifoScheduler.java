package io.autocnn.space.scheduler;

import java.util.Optional;

/** Runs every trial to its full epoch budget: no early stopping. */
public final class FifoScheduler implements Scheduler {

    private final double maxEpochs;

    public FifoScheduler(double maxEpochs) {
        this.maxEpochs = maxEpochs;
    }

    @Override
    public String name() {
        return "fifo";
    }

    @Override
    public double initialTarget() {
        return maxEpochs;
    }

    @Override
    public Decision onEpoch(int trialIndex, double epoch, double validationError) {
        return Decision.CONTINUE;
    }

    @Override
    public Optional<Promotion> nextPromotion() {
        return Optional.empty();
    }
}
