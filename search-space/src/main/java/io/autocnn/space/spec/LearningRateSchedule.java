package io.autocnn.space.spec;

/**
 * How the learning rate changes over a trial's epochs (its declared {@code epochs} are the horizon, so a trial an
 * early-stopping scheduler promotes continues the same curve). A warm-up ({@code warmupEpochs}) first rises
 * linearly from near zero; the schedule then runs over the epochs that remain.
 */
public enum LearningRateSchedule {
    /** The learning rate throughout. */
    CONSTANT,
    /** Half a cosine from the learning rate down to zero. */
    COSINE,
    /** A tenth of it from half-way, a hundredth from three quarters. */
    STEP,
    /** Up from a twenty-fifth to the learning rate over the first 30%, then half a cosine down to zero. */
    ONE_CYCLE
}
