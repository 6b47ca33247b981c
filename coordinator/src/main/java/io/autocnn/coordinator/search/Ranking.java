package io.autocnn.coordinator.search;

import java.util.Comparator;
import java.util.List;

/**
 * Orders trials best first: by validation error at the most recent epoch (lower is better), trials that trained
 * longer first among equals, trials without any reported epoch last, then by index so the order is stable.
 */
public final class Ranking {

    private static final Comparator<TrialSummary> ORDER = Comparator
            .comparingDouble((TrialSummary t) -> t.validationError().orElse(Double.POSITIVE_INFINITY))
            .thenComparing(Comparator.comparingDouble(TrialSummary::epochsTrained).reversed())
            .thenComparingInt(TrialSummary::index);

    private Ranking() {
    }

    public static List<TrialSummary> rank(List<TrialSummary> trials) {
        return trials.stream().sorted(ORDER).toList();
    }
}
