package io.autocnn.coordinator.search;

import io.autocnn.space.objective.Objective;

import java.util.Comparator;
import java.util.List;

/**
 * Orders trials best first by their {@link Objective} (lower is better; ties to the lower index, as the store ranks),
 * trials without any reported epoch last.
 */
public final class Ranking {

    private static final Comparator<TrialSummary> ORDER = (a, b) -> Objective.compare(
            a.validationError().orElse(Double.POSITIVE_INFINITY), a.index(),
            b.validationError().orElse(Double.POSITIVE_INFINITY), b.index());

    private Ranking() {
    }

    public static List<TrialSummary> rank(List<TrialSummary> trials) {
        return trials.stream().sorted(ORDER).toList();
    }
}
