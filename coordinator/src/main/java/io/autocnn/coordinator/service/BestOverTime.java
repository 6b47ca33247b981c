package io.autocnn.coordinator.service;

import io.autocnn.coordinator.search.LeadingTrial;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.coordinator.store.TrialStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The best trial's objective over each experiment's time, read from its event log: one point each time the trial the
 * search would choose ({@link LeadingTrial}, the ranking's rule) or its objective changed. Only changes are kept, so
 * answers stay small; and each experiment's log is read once, later calls only read the events stored since (the log
 * is append-only), so page loads stay cheap with hundreds of thousands of events.
 */
final class BestOverTime {

    /** @param seconds since the experiment was created */
    record Point(double seconds, int trial, double validationError) {
    }

    private static final int PAGE = 10_000;

    /** How far one experiment's log has been read. Guarded by its own monitor. */
    private static final class Progress {
        long lastSequence;
        final LeadingTrial leader = new LeadingTrial();
        final List<Point> points = new ArrayList<>();
    }

    private final TrialStore store;
    private final Map<String, Progress> experiments = new ConcurrentHashMap<>();

    BestOverTime(TrialStore store) {
        this.store = store;
    }

    List<Point> of(ExperimentRecord experiment) {
        Progress progress = experiments.computeIfAbsent(experiment.id(), id -> new Progress());
        synchronized (progress) {
            List<TrialEvent> events;
            do {
                events = store.events(experiment.id(), progress.lastSequence, PAGE);
                for (TrialEvent event : events) {
                    progress.lastSequence = event.sequence();
                    if (event.type() == TrialEventType.EPOCH) {
                        double error = TrialEventPayloads.epoch(event.payloadJson()).validationError();
                        if (progress.leader.update(event.trialIndex(), error)) {
                            LeadingTrial.Standing best = progress.leader.leader().orElseThrow();
                            progress.points.add(new Point(Duration.between(experiment.createdAt(), event.at())
                                    .toMillis() / 1e3, best.trial(), best.objective()));
                        }
                    }
                }
            } while (events.size() == PAGE);
            return List.copyOf(progress.points);
        }
    }

    /** Forgets a deleted experiment (its ids are never reused, but its memory is freed). */
    void forget(String experimentId) {
        experiments.remove(experimentId);
    }
}
