package io.autocnn.coordinator.store;

import java.time.Instant;

/**
 * One entry of the append-only trial log.
 *
 * @param sequence    assigned by the store, increasing per store (0 before appending)
 * @param attempt     1, then 2 after the coordinator was restarted while the trial ran, ...
 * @param epoch       epochs trained when it happened (the metrics' epoch for EPOCH events, the target for STARTED)
 * @param payloadJson the type's payload as JSON (see {@link TrialEventType}); ended runs carry a {@code TrialSummary}
 */
public record TrialEvent(long sequence, String experimentId, int trialIndex, int attempt, TrialEventType type,
                         double epoch, String payloadJson, Instant at) {

    /** What makes an event the same event: a repeated report of it must not be stored twice. */
    public record Key(String experimentId, int trialIndex, int attempt, TrialEventType type, double epoch) {
    }

    public Key key() {
        return new Key(experimentId, trialIndex, attempt, type, epoch);
    }

    public TrialEvent withSequence(long assigned) {
        return new TrialEvent(assigned, experimentId, trialIndex, attempt, type, epoch, payloadJson, at);
    }
}
