package io.autocnn.space.spec;

/**
 * The learning rate a trial trains with after a given amount of training, by its {@link LearningRateSchedule}: one
 * pure function, so the trainer, the tests and any chart agree on the curve.
 */
public final class LearningRateCurve {

    /** Warm-up starts here, as a share of the peak (a rate of exactly 0 would waste the first steps). */
    static final double WARMUP_START = 0.01;
    /** ONE_CYCLE: the share of the epochs spent rising, and where it starts as a share of the peak. */
    static final double ONE_CYCLE_RISE = 0.3;
    static final double ONE_CYCLE_START = 1.0 / 25;

    private LearningRateCurve() {
    }

    /** The rate after {@code epochsDone} epochs (fractions are steps within an epoch) of {@code training}. */
    public static double rateAt(TrainingSettings training, double epochsDone) {
        double peak = training.learningRate();
        double total = training.epochs();
        double warmup = training.warmupEpochs();
        if (epochsDone < warmup) {
            return peak * (WARMUP_START + (1 - WARMUP_START) * epochsDone / warmup);
        }
        double progress = Math.min(1.0, Math.max(0.0, (epochsDone - warmup) / (total - warmup)));
        return switch (training.schedule()) {
            case CONSTANT -> peak;
            case COSINE -> peak * halfCosine(progress);
            case STEP -> progress < 0.5 ? peak : progress < 0.75 ? peak / 10 : peak / 100;
            case ONE_CYCLE -> progress < ONE_CYCLE_RISE
                    ? peak * (ONE_CYCLE_START + (1 - ONE_CYCLE_START) * progress / ONE_CYCLE_RISE)
                    : peak * halfCosine((progress - ONE_CYCLE_RISE) / (1 - ONE_CYCLE_RISE));
        };
    }

    /** From 1 at the start to 0 at the end, flat at both ends. */
    private static double halfCosine(double progress) {
        return 0.5 * (1 + Math.cos(Math.PI * progress));
    }
}
