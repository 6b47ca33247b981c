package io.autocnn.ui;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/** A store of events in memory, with sequences shared by all experiments as in the real store. */
final class InMemorySource implements LeaderboardSource {

    private final List<LeaderboardEvent> events = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final String experimentId;

    InMemorySource(String experimentId) {
        this.experimentId = experimentId;
    }

    /** Stores an event of trial {@code trial} and returns it with its sequence. */
    synchronized LeaderboardEvent store(int trial, String type) {
        LeaderboardEvent event = new LeaderboardEvent(sequence.incrementAndGet(), experimentId, trial, type,
                "{\"trial\":" + trial + "}");
        events.add(event);
        return event;
    }

    @Override
    public boolean hasExperiment(String id) {
        return id.equals(experimentId);
    }

    @Override
    public List<LeaderboardEvent> eventsAfter(String id, long afterSequence, int limit) {
        return events.stream().filter(e -> e.experimentId().equals(id) && e.sequence() > afterSequence)
                .limit(limit).toList();
    }
}
