package io.autocnn.coordinator.search;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.EpochMetrics;

/**
 * Follows a running search (progress bars, the store, the leaderboard). Called from the search's threads, one call
 * at a time and in the order things happened (the search holds its lock while it calls).
 */
@FunctionalInterface
public interface SearchListener {

    SearchListener NONE = trial -> {
    };

    /** A trial started, reported an epoch, paused, or ended: its latest snapshot. */
    void onTrialChanged(TrialSummary trial);

    /** The sampler proposed trial {@code index}. */
    default void onTrialCreated(int index, Candidate candidate) {
    }

    /** A run of the trial was dispatched: train up to {@code targetEpochs}, continuing its checkpoint if resuming. */
    default void onRunStarted(int index, int attempt, double targetEpochs, boolean resume) {
    }

    /** A running trial measured an epoch. */
    default void onEpoch(int index, int attempt, EpochMetrics metrics) {
    }

    /** A run ended (paused, completed, pruned, failed or cancelled); {@code runSeconds} is this run's time. */
    default void onRunEnded(TrialSummary trial, int attempt, double runSeconds) {
    }

    /**
     * After every step that changed the sampler or the scheduler, their saved state: with the trials, what a
     * search resumed after a crash continues from.
     */
    default void onSearchState(JsonNode samplerState, JsonNode schedulerState, int nextTrialIndex,
                               double elapsedSeconds) {
    }

    /** This listener, then {@code next}, for every call. */
    default SearchListener andThen(SearchListener next) {
        SearchListener first = this;
        return new SearchListener() {
            @Override
            public void onTrialChanged(TrialSummary trial) {
                first.onTrialChanged(trial);
                next.onTrialChanged(trial);
            }

            @Override
            public void onTrialCreated(int index, Candidate candidate) {
                first.onTrialCreated(index, candidate);
                next.onTrialCreated(index, candidate);
            }

            @Override
            public void onRunStarted(int index, int attempt, double targetEpochs, boolean resume) {
                first.onRunStarted(index, attempt, targetEpochs, resume);
                next.onRunStarted(index, attempt, targetEpochs, resume);
            }

            @Override
            public void onEpoch(int index, int attempt, EpochMetrics metrics) {
                first.onEpoch(index, attempt, metrics);
                next.onEpoch(index, attempt, metrics);
            }

            @Override
            public void onRunEnded(TrialSummary trial, int attempt, double runSeconds) {
                first.onRunEnded(trial, attempt, runSeconds);
                next.onRunEnded(trial, attempt, runSeconds);
            }

            @Override
            public void onSearchState(JsonNode samplerState, JsonNode schedulerState, int nextTrialIndex,
                                      double elapsedSeconds) {
                first.onSearchState(samplerState, schedulerState, nextTrialIndex, elapsedSeconds);
                next.onSearchState(samplerState, schedulerState, nextTrialIndex, elapsedSeconds);
            }
        };
    }
}
