package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;

import java.util.List;
import java.util.Optional;

/**
 * Which trials to list: sorted by one column (trials without a value, e.g. no validation error yet, come last in
 * either direction; ties by trial index), optionally only those in one state and those whose parameters pass every
 * filter, one page.
 */
public record TrialQuery(TrialSort sort, boolean descending, Optional<TrialState> state, int offset, int limit,
                         List<ParameterFilter> where) {

    public static final int MAX_LIMIT = 1_000;

    public TrialQuery {
        if (offset < 0 || limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("offset must be at least 0 and limit between 1 and " + MAX_LIMIT
                    + ", got " + offset + " and " + limit);
        }
        where = List.copyOf(where);
    }

    /** A listing that filters on no parameter. */
    public TrialQuery(TrialSort sort, boolean descending, Optional<TrialState> state, int offset, int limit) {
        this(sort, descending, state, offset, limit, List.of());
    }

    /** The leaderboard's default: best validation error first. */
    public static TrialQuery ranking(int offset, int limit) {
        return new TrialQuery(TrialSort.VALIDATION_ERROR, false, Optional.empty(), offset, limit);
    }
}
