package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.coordinator.store.TrialStore;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The best validation error so far over the experiment's time, read from its event log: one point each time an
 * epoch beat every earlier one. Only improvements are kept, so the answer stays small for any number of trials.
 */
final class BestOverTime {

    /** @param seconds since the experiment was created */
    record Point(double seconds, int trial, double validationError) {
    }

    private static final int PAGE = 10_000;

    private BestOverTime() {
    }

    static List<Point> of(TrialStore store, ExperimentRecord experiment) {
        List<Point> points = new ArrayList<>();
        double best = Double.POSITIVE_INFINITY;
        long after = 0;
        List<TrialEvent> events;
        do {
            events = store.events(experiment.id(), after, PAGE);
            for (TrialEvent event : events) {
                after = event.sequence();
                if (event.type() != TrialEventType.EPOCH) {
                    continue;
                }
                double error = TrialEventPayloads.epoch(event.payloadJson()).validationError();
                if (error < best) {
                    best = error;
                    points.add(new Point(Duration.between(experiment.createdAt(), event.at()).toMillis() / 1e3,
                            event.trialIndex(), error));
                }
            }
        } while (events.size() == PAGE);
        return points;
    }
}
