package io.autocnn.space.scheduler;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A scheduler restored from its saved state (through JSON text) decides exactly as the original would have. */
class SchedulerStateTest {

    /** Plays a deterministic sequence of reports and promotion requests, recording every answer. */
    private static List<String> play(Scheduler scheduler, int from, int to) {
        List<String> answers = new ArrayList<>();
        for (int step = from; step < to; step++) {
            int trial = step % 12;
            SplittableRandom random = new SplittableRandom(step);
            double epoch = 1 + (step / 12);
            answers.add(step + ":" + scheduler.onEpoch(trial, epoch, random.nextDouble()));
            answers.add(step + ":" + scheduler.nextPromotion(paused -> true));
        }
        return answers;
    }

    private static void continuesIdentically(Supplier<Scheduler> factory) throws Exception {
        Scheduler original = factory.get();
        play(original, 0, 20);
        String saved = original.saveState().toString();
        Scheduler restored = factory.get();
        restored.restoreState(SchedulerState.JSON.readTree(saved));
        assertThat(play(restored, 20, 40)).isEqualTo(play(original, 20, 40));
    }

    @Test
    void ashaContinuesAfterRestore() throws Exception {
        continuesIdentically(() -> new AshaScheduler(1, 9, 3));
    }

    @Test
    void medianStoppingContinuesAfterRestore() throws Exception {
        continuesIdentically(() -> new MedianStoppingScheduler(5, 2, 3));
    }

    @Test
    void fifoRoundTrips() throws Exception {
        continuesIdentically(() -> new FifoScheduler(3));
    }

    @Test
    void stateOfAnotherSchedulerOrOtherRungsIsRefused() {
        JsonNode median = new MedianStoppingScheduler(5, 2, 3).saveState();
        assertThatThrownBy(() -> new AshaScheduler(1, 9, 3).restoreState(median))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to scheduler 'median', not 'asha'");
        JsonNode threeRungs = new AshaScheduler(1, 9, 3).saveState();
        assertThatThrownBy(() -> new AshaScheduler(1, 27, 3).restoreState(threeRungs))
                .hasMessageContaining("rungs [1.0, 3.0, 9.0]");
    }
}
