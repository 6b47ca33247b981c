package io.autocnn.coordinator.search;

import java.util.List;
import java.util.Optional;

/**
 * The end of a search: every trial, best first (see {@link Ranking}), why it ended, and its failure reason when it
 * failed as a whole (too many failed trials).
 */
public record SearchOutcome(List<TrialSummary> ranking, StopReason stopReason, Optional<String> failure,
                            double seconds) {

    public SearchOutcome {
        ranking = List.copyOf(ranking);
    }

    public Optional<TrialSummary> best() {
        return ranking.stream().filter(t -> t.validationError().isPresent()).findFirst();
    }
}
