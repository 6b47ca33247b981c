package io.autocnn.coordinator.compare;

import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class BatchClockTest {

    /** A clock that reads the given times in nanoseconds, one per batch. */
    private static BatchClock clockReading(long... nanos) {
        Iterator<Long> times = Arrays.stream(nanos).boxed().iterator();
        return new BatchClock(TrialListener.NONE, times::next);
    }

    @Test
    void theSpeedLeavesOutTheSlowFirstHalfOfTheBatches() {
        // A slow start (2 s for the first batch), then one batch of 100 images every 0.1 s.
        BatchClock clock = clockReading(2_000_000_000L, 2_100_000_000L, 2_200_000_000L, 2_300_000_000L,
                2_400_000_000L, 2_500_000_000L);
        for (int batch = 1; batch <= 6; batch++) {
            clock.onBatch(1, batch, 6);
        }
        assertThat(clock.laterHalfExamplesPerSecond(100)).isCloseTo(1_000, within(1e-6));
    }

    @Test
    void fewerThanFourBatchesGiveNoSpeed() {
        BatchClock clock = clockReading(1L, 2L, 3L);
        for (int batch = 1; batch <= 3; batch++) {
            clock.onBatch(1, batch, 3);
        }
        assertThat(clock.laterHalfExamplesPerSecond(64)).isNaN();
    }

    @Test
    void theRunsListenerStillHearsEveryBatchAndDecidesWhenToStop() {
        List<Integer> heard = new ArrayList<>();
        TrialListener listener = new TrialListener() {
            @Override
            public void onBatch(int epochNumber, int done, int total) {
                heard.add(done);
            }

            @Override
            public boolean shouldStop() {
                return heard.size() >= 2;
            }
        };
        BatchClock clock = new BatchClock(listener);
        clock.onBatch(1, 1, 9);
        assertThat(clock.shouldStop()).isFalse();
        clock.onBatch(1, 2, 9);
        assertThat(heard).containsExactly(1, 2);
        assertThat(clock.shouldStop()).isTrue();
    }
}
