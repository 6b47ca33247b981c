package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.trial.TrialState;

import java.util.List;
import java.util.function.Predicate;

/**
 * How a search's trials ended.
 *
 * @param timedOut stopped by the end of the budget while they trained (their model so far still counts)
 * @param refused  of the failed, candidates the space's constraints refused before any training
 */
public record TrialCounts(int completed, int pruned, int failed, int timedOut, int refused) {

    public static TrialCounts of(List<TrialSummary> trials) {
        return new TrialCounts(count(trials, TrialState.COMPLETED), count(trials, TrialState.PRUNED),
                count(trials, TrialState.FAILED), count(trials, TrialState.TIMED_OUT),
                count(trials, TrialSummary::refusedByConstraints));
    }

    private static int count(List<TrialSummary> trials, TrialState state) {
        return count(trials, t -> t.state() == state);
    }

    private static int count(List<TrialSummary> trials, Predicate<TrialSummary> which) {
        return (int) trials.stream().filter(which).count();
    }
}
