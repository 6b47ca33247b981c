package io.autocnn.space.scheduler;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MedianStoppingSchedulerTest {

    @Test
    void stopsATrialWorseThanTheMedianOfOthersAfterTheGracePeriod() {
        MedianStoppingScheduler median = new MedianStoppingScheduler(5, 2, 3);
        // Three reference trials with running means at epoch 2 of 0.35, 0.45 and 0.55.
        double[][] curves = {{0.4, 0.3}, {0.5, 0.4}, {0.6, 0.5}};
        for (int t = 0; t < 3; t++) {
            assertThat(median.onEpoch(t, 1, curves[t][0])).isEqualTo(Decision.CONTINUE);
            median.onEpoch(t, 2, curves[t][1]);
        }
        // Within the grace period nothing is stopped, however bad.
        assertThat(median.onEpoch(3, 1, 0.9)).isEqualTo(Decision.CONTINUE);
        // At epoch 2 its best (0.5) is worse than the median of the others' means (0.45): stop.
        assertThat(median.onEpoch(3, 2, 0.5)).isEqualTo(Decision.STOP);
        // A trial whose best beats the median continues.
        median.onEpoch(4, 1, 0.9);
        assertThat(median.onEpoch(4, 2, 0.44)).isEqualTo(Decision.CONTINUE);
        assertThat(median.initialTarget()).isEqualTo(5.0);
        assertThat(median.nextPromotion(paused -> true)).isEmpty();
    }

    @Test
    void needsEnoughOtherTrialsBeforeJudging() {
        MedianStoppingScheduler median = new MedianStoppingScheduler(5, 1, 3);
        median.onEpoch(0, 1, 0.1);
        median.onEpoch(1, 1, 0.1);
        assertThat(median.onEpoch(2, 1, 0.9)).isEqualTo(Decision.CONTINUE);
    }
}
