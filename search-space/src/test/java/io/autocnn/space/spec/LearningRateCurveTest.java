package io.autocnn.space.spec;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LearningRateCurveTest {

    private static final TrainingSettings TEN_EPOCHS = new TrainingSettings(64, 10, 0.1, Optimizer.SGD, 0, 1);

    private static double rate(LearningRateSchedule schedule, double warmup, double epochsDone) {
        return LearningRateCurve.rateAt(TEN_EPOCHS.withSchedule(schedule, warmup), epochsDone);
    }

    @Test
    void constantStaysAtThePeak() {
        assertThat(rate(LearningRateSchedule.CONSTANT, 0, 0)).isEqualTo(0.1);
        assertThat(rate(LearningRateSchedule.CONSTANT, 0, 9.9)).isEqualTo(0.1);
    }

    @Test
    void cosineFallsFromThePeakToZeroThroughHalfAtTheMiddle() {
        assertThat(rate(LearningRateSchedule.COSINE, 0, 0)).isEqualTo(0.1);
        assertThat(rate(LearningRateSchedule.COSINE, 0, 5)).isCloseTo(0.05, within(1e-12));
        assertThat(rate(LearningRateSchedule.COSINE, 0, 10)).isCloseTo(0.0, within(1e-12));
        assertThat(rate(LearningRateSchedule.COSINE, 0, 2)).isGreaterThan(rate(LearningRateSchedule.COSINE, 0, 3));
    }

    @Test
    void warmUpRisesLinearlyThenTheScheduleRunsOverTheEpochsThatRemain() {
        assertThat(rate(LearningRateSchedule.COSINE, 2, 0)).isCloseTo(0.001, within(1e-12));
        assertThat(rate(LearningRateSchedule.COSINE, 2, 1)).isCloseTo(0.1 * (0.01 + 0.99 / 2), within(1e-12));
        assertThat(rate(LearningRateSchedule.COSINE, 2, 2)).isEqualTo(0.1);
        // Half-way through the 8 epochs after the warm-up.
        assertThat(rate(LearningRateSchedule.COSINE, 2, 6)).isCloseTo(0.05, within(1e-12));
        assertThat(rate(LearningRateSchedule.CONSTANT, 2, 1)).isLessThan(0.1);
    }

    @Test
    void stepDividesByTenAtHalfAndByAHundredAtThreeQuarters() {
        assertThat(rate(LearningRateSchedule.STEP, 0, 4.9)).isEqualTo(0.1);
        assertThat(rate(LearningRateSchedule.STEP, 0, 5)).isCloseTo(0.01, within(1e-12));
        assertThat(rate(LearningRateSchedule.STEP, 0, 7.5)).isCloseTo(0.001, within(1e-12));
    }

    @Test
    void oneCycleRisesToThePeakAtThirtyPercentThenFallsToZero() {
        assertThat(rate(LearningRateSchedule.ONE_CYCLE, 0, 0)).isCloseTo(0.1 / 25, within(1e-12));
        assertThat(rate(LearningRateSchedule.ONE_CYCLE, 0, 3)).isCloseTo(0.1, within(1e-12));
        assertThat(rate(LearningRateSchedule.ONE_CYCLE, 0, 1.5)).isBetween(0.1 / 25, 0.1);
        assertThat(rate(LearningRateSchedule.ONE_CYCLE, 0, 6.5)).isCloseTo(0.05, within(1e-12));
        assertThat(rate(LearningRateSchedule.ONE_CYCLE, 0, 10)).isCloseTo(0.0, within(1e-12));
    }
}
