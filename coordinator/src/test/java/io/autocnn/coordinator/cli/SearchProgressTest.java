package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class SearchProgressTest {

    private static TrialSummary failed(int index, FailureCause cause) {
        return new TrialSummary(index, new Candidate(Map.of(), LeNet5.spec()), TrialState.FAILED, Optional.of(cause),
                "", List.of(), 0, 0, 0);
    }

    @Test
    void aCandidateTheConstraintsRefusedIsCountedApartFromTrialsThatFailed() {
        StringWriter text = new StringWriter();
        SearchProgress progress = new SearchProgress(new PrintWriter(text, true), false, 10, 60_000_000_000L);
        progress.onTrialChanged(failed(0, FailureCause.CONSTRAINT));
        progress.onTrialChanged(failed(1, FailureCause.EXCEPTION));
        String[] lines = text.toString().split("\n");
        assertThat(lines[0]).startsWith("trial 0 refused by the space's constraints, never trained")
                .contains("0 failed, 1 refused");
        assertThat(lines[1]).startsWith("trial 1 failed at 0.0 epochs").contains("1 failed, 1 refused");
    }
}
