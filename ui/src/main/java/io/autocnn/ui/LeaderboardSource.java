package io.autocnn.ui;

import java.util.List;

/** Where the leaderboard reads stored events from. Both methods block: they are only called on worker threads. */
public interface LeaderboardSource {

    boolean hasExperiment(String experimentId);

    /** The experiment's events with a sequence above {@code afterSequence}, in sequence order, at most {@code limit}. */
    List<LeaderboardEvent> eventsAfter(String experimentId, long afterSequence, int limit);
}
