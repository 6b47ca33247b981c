package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrialCountsTest {

    private static TrialSummary trial(TrialState state, Optional<FailureCause> cause) {
        return new TrialSummary(0, new Candidate(Map.of(), LeNet5.spec()), state, cause, "", List.of(), 1, 61_706, 1);
    }

    @Test
    void failedTrialsTheConstraintsRefusedAreAlsoCountedApart() {
        TrialCounts counts = TrialCounts.of(List.of(trial(TrialState.COMPLETED, Optional.empty()),
                trial(TrialState.PRUNED, Optional.empty()), trial(TrialState.FAILED, Optional.of(FailureCause.NAN)),
                trial(TrialState.FAILED, Optional.of(FailureCause.CONSTRAINT)),
                trial(TrialState.FAILED, Optional.of(FailureCause.CONSTRAINT)),
                trial(TrialState.TIMED_OUT, Optional.empty())));
        assertThat(counts).isEqualTo(new TrialCounts(1, 1, 3, 1, 2));
    }
}
