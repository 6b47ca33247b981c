package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.ui.LeaderboardEvent;
import io.autocnn.ui.LeaderboardSource;

import java.util.List;
import java.util.Locale;

/** The leaderboard's view of the trial store: the ui module knows nothing of the store's types. */
final class StoreLeaderboardSource implements LeaderboardSource {

    private final TrialStore store;

    StoreLeaderboardSource(TrialStore store) {
        this.store = store;
    }

    static LeaderboardEvent toLeaderboard(TrialEvent event) {
        return new LeaderboardEvent(event.sequence(), event.experimentId(), event.trialIndex(),
                event.type().name().toLowerCase(Locale.ROOT), event.payloadJson());
    }

    @Override
    public boolean hasExperiment(String experimentId) {
        return store.experiment(experimentId).isPresent();
    }

    @Override
    public List<LeaderboardEvent> eventsAfter(String experimentId, long afterSequence, int limit) {
        return store.events(experimentId, afterSequence, limit).stream().map(StoreLeaderboardSource::toLeaderboard)
                .toList();
    }
}
