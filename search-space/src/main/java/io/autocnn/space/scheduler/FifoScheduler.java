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
    public Optional<Promotion> nextPromotion(java.util.function.IntPredicate paused) {
        return Optional.empty();
    }

    /** FIFO learns nothing; its state only records which scheduler it was. */
    @Override
    public com.fasterxml.jackson.databind.JsonNode saveState() {
        return SchedulerState.wrap(name(), java.util.Map.of());
    }

    @Override
    public void restoreState(com.fasterxml.jackson.databind.JsonNode state) {
        SchedulerState.unwrap(state, name(), java.util.Map.class);
    }
}
