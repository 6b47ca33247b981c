package io.autocnn.coordinator.search;

/** Follows a running search (progress bars, the store, the leaderboard). Called from the search's threads. */
@FunctionalInterface
public interface SearchListener {

    SearchListener NONE = trial -> {
    };

    /** A trial started, reported an epoch, paused, or ended: its latest snapshot. */
    void onTrialChanged(TrialSummary trial);
}
