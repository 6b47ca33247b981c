package io.autocnn.coordinator.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autocnn.coordinator.search.ResumedTrial;
import io.autocnn.coordinator.search.SearchCheckpoint;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.coordinator.store.SearchState;
import io.autocnn.coordinator.store.TrialDetail;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.coordinator.store.TrialPages;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.spec.TrialSpecJson;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A stopped search as the store holds it, rebuilt into the {@link SearchCheckpoint} its resume continues from: every
 * trial with its epochs, each trial's last run (target and whether it resumed), and the sampler's and scheduler's
 * saved state.
 */
final class StoredSearch {

    private static final ObjectMapper JSON = TrialSpecJson.mapper();
    private static final int PAGE = 10_000;

    private StoredSearch() {
    }

    /** The experiment's saved search, or nothing when it never saved any (it had not started). */
    static Optional<SearchCheckpoint> read(TrialStore store, String experimentId) {
        Optional<SearchState> state = store.searchState(experimentId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Events events = events(store, experimentId);
        List<ResumedTrial> trials = new ArrayList<>();
        TrialPages.all(store, experimentId, TrialSort.TRIAL).forEach(row -> {
            TrialDetail detail = store.trial(experimentId, row.trialIndex()).orElseThrow();
            TrialEventPayloads.Started run = events.lastRuns().getOrDefault(row.trialIndex(),
                    new TrialEventPayloads.Started(0, false));
            Candidate candidate = candidate(row);
            Integer parent = events.parents().get(row.trialIndex());
            trials.add(new ResumedTrial(new TrialSummary(row.trialIndex(),
                    parent == null ? candidate : candidate.withParent(parent), row.state(),
                    row.failureCause(), row.message(), detail.epochs(), row.epochsTrained(),
                    row.parameterCount(), row.seconds()), row.attempt(), run.targetEpochs(), run.resume()));
        });
        try {
            return Optional.of(new SearchCheckpoint(trials, JSON.readTree(state.get().samplerState()),
                    JSON.readTree(state.get().schedulerState()), state.get().nextTrialIndex(),
                    state.get().elapsedSeconds()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment " + experimentId + "'s saved search state is corrupt", e);
        }
    }

    /** What only the events hold: each trial's last run, and the trial each derives from. */
    private record Events(Map<Integer, TrialEventPayloads.Started> lastRuns, Map<Integer, Integer> parents) {
    }

    private static Events events(TrialStore store, String experimentId) {
        Map<Integer, TrialEventPayloads.Started> runs = new HashMap<>();
        Map<Integer, Integer> parents = new HashMap<>();
        long after = 0;
        while (true) {
            List<TrialEvent> events = store.events(experimentId, after, PAGE);
            for (TrialEvent event : events) {
                if (event.type() == TrialEventType.STARTED) {
                    runs.put(event.trialIndex(), TrialEventPayloads.started(event.payloadJson()));
                } else if (event.type() == TrialEventType.CREATED) {
                    TrialEventPayloads.created(event.payloadJson()).parent()
                            .ifPresent(parent -> parents.put(event.trialIndex(), parent));
                }
                after = event.sequence();
            }
            if (events.size() < PAGE) {
                return new Events(runs, parents);
            }
        }
    }

    private static Candidate candidate(TrialRow row) {
        return new Candidate(row.parameters(), row.spec());
    }
}
