package io.autocnn.space.scheduler;

/**
 * Decides how long trials train, independently of which trials the sampler proposes (as Ray Tune separates its
 * searcher from its scheduler). The run loop asks {@link #initialTarget} for a new trial, reports every epoch with
 * {@link #onEpoch}, and before starting a new trial asks {@link #nextPromotion} whether a paused one should go on.
 * Implementations are used from one thread at a time (the run loop serialises calls).
 */
public interface Scheduler {

    /** Name as used on the command line, for example {@code asha}. */
    String name();

    /** Epochs a newly started trial trains before its first pause (or in total, for schedulers that never pause). */
    double initialTarget();

    /** The decision after trial {@code trialIndex} reported {@code validationError} at {@code epoch}. */
    Decision onEpoch(int trialIndex, double epoch, double validationError);

    /**
     * A paused trial to train further, if one has earned it; empty means: start a new trial instead. Only trials
     * for which {@code paused} holds may be promoted: a trial reports its rung's epoch before its run has ended and
     * its checkpoint is written, and promoting it in that moment would resume a model that does not exist yet.
     */
    java.util.Optional<Promotion> nextPromotion(java.util.function.IntPredicate paused);

    /**
     * Like {@link #nextPromotion}, asked when the search can start no new trial (its trial budget is used or its
     * sampler has nothing left): a paused trial that would otherwise wait for newcomers that will never come. Empty
     * by default: only schedulers that pause trials have one to give.
     */
    default java.util.Optional<Promotion> finishingPromotion(java.util.function.IntPredicate paused) {
        return java.util.Optional.empty();
    }

    /**
     * Makes the scheduler weigh a second objective (a trial's value of it, known before it trains) next to
     * validation error where it ranks trials. Only ASHA does ({@link AshaScheduler}); FIFO never ranks and the median
     * rule stays a rule on validation error.
     */
    default void rankAlsoBy(java.util.function.IntToDoubleFunction secondObjective) {
    }

    /** The trial ended (completed, failed, or stopped by the loop); it will report no more epochs. */
    default void onTrialEnd(int trialIndex) {
    }

    /** Everything the scheduler has learned, as JSON, so a restarted coordinator can continue where it stopped. */
    com.fasterxml.jackson.databind.JsonNode saveState();

    /** Restores what {@link #saveState()} returned; IllegalArgumentException for another scheduler's state. */
    void restoreState(com.fasterxml.jackson.databind.JsonNode state);
}
