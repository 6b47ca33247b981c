package io.autocnn.coordinator.search;

import java.time.Duration;

/**
 * Limits of one search.
 *
 * @param maxTrials       new trials to start at most (promotions of paused trials do not count)
 * @param maxWallTime     the search stops starting work after this, and running trials end when it is used up
 * @param maxFailedTrials the search ends as FAILED once more trials than this have failed
 */
public record SearchBudget(int maxTrials, Duration maxWallTime, int maxFailedTrials) {

    public SearchBudget {
        if (maxTrials < 1 || maxWallTime.isNegative() || maxWallTime.isZero() || maxFailedTrials < 0) {
            throw new IllegalArgumentException("a search budget needs maxTrials >= 1, a positive wall time and "
                    + "maxFailedTrials >= 0, got " + maxTrials + ", " + maxWallTime + ", " + maxFailedTrials);
        }
    }
}
