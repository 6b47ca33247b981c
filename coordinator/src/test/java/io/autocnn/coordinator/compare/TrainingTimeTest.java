package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingTimeTest {

    private static TrialSummary trial(int index, TrialState state, double seconds) {
        return new TrialSummary(index, new Candidate(Map.of(), LeNet5.spec()), state, Optional.empty(), "",
                List.of(), 1, 61_706, seconds);
    }

    @Test
    void theSearchsTimeIsSplitIntoPrunedTrialsTheWinnerTheOthersAndFinalTraining() {
        TrainingTime time = TrainingTime.of(List.of(trial(0, TrialState.PRUNED, 10), trial(1, TrialState.COMPLETED,
                40), trial(2, TrialState.PRUNED, 5), trial(3, TrialState.COMPLETED, 30),
                trial(4, TrialState.TIMED_OUT, 7)), 1, 12);
        assertThat(time).isEqualTo(new TrainingTime(15, 40, 37, 12));
        assertThat(time.total()).isEqualTo(104);
    }
}
