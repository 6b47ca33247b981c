package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.trial.TrialState;

import java.util.List;

/** How a search's trials ended; cancelled ones (stopped by the end of the budget) are in none of the three. */
public record TrialCounts(int completed, int pruned, int failed) {

    public static TrialCounts of(List<TrialSummary> trials) {
        return new TrialCounts(count(trials, TrialState.COMPLETED), count(trials, TrialState.PRUNED),
                count(trials, TrialState.FAILED));
    }

    private static int count(List<TrialSummary> trials, TrialState state) {
        return (int) trials.stream().filter(t -> t.state() == state).count();
    }
}
