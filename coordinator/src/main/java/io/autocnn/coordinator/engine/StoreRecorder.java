package io.autocnn.coordinator.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.coordinator.store.SearchState;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;

import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Writes a running search into the store as trial events and saved search state, and passes each stored event on
 * (to the live leaderboard). The search calls it under its lock, in order, on its own threads, never on an event
 * loop; a repeated event (same key) is stored once and passed on once.
 */
final class StoreRecorder implements SearchListener {

    private final String experimentId;
    private final TrialStore store;
    private final Consumer<TrialEvent> onStored;
    private final Function<TrialSpec, CandidateCost> costOf;

    /**
     * @param costOf what a specification costs on the experiment's data, stored with its trial; the search has
     *               measured what it needs of the candidate before it is created, so this finds it measured
     */
    StoreRecorder(String experimentId, TrialStore store, Consumer<TrialEvent> onStored,
                  Function<TrialSpec, CandidateCost> costOf) {
        this.experimentId = experimentId;
        this.store = store;
        this.onStored = onStored;
        this.costOf = costOf;
    }

    @Override
    public void onTrialChanged(TrialSummary trial) {
        // Every change is also one of the finer events below, which are what the store keeps.
    }

    @Override
    public void onTrialCreated(int index, Candidate candidate) {
        CandidateCost cost = costOf.apply(candidate.spec());
        append(index, 1, TrialEventType.CREATED, 0,
                new TrialEventPayloads.Created(candidate.parameters(), candidate.spec(), candidate.parent(),
                        cost.parameters(), cost.macs(), cost.latency(), cost.trainingBytes()));
    }

    @Override
    public void onRunStarted(int index, int attempt, double targetEpochs, boolean resume) {
        append(index, attempt, TrialEventType.STARTED, targetEpochs, new TrialEventPayloads.Started(targetEpochs, resume));
    }

    @Override
    public void onEpoch(int index, int attempt, EpochMetrics metrics) {
        append(index, attempt, TrialEventType.EPOCH, metrics.epoch(), metrics);
    }

    @Override
    public void onRunEnded(TrialSummary trial, int attempt, double runSeconds) {
        append(trial.index(), attempt, TrialEventType.endOf(trial.state()), trial.epochsTrained(),
                new TrialEventPayloads.Ended(trial.epochsTrained(), trial.parameterCount(), trial.failureCause(),
                        trial.message(), runSeconds));
    }

    @Override
    public void onSearchState(JsonNode samplerState, JsonNode schedulerState, int nextTrialIndex,
                              double elapsedSeconds) {
        store.saveSearchState(experimentId, new SearchState(samplerState.toString(), schedulerState.toString(),
                nextTrialIndex, elapsedSeconds));
    }

    private void append(int index, int attempt, TrialEventType type, double epoch, Object payload) {
        TrialEvent event = new TrialEvent(0, experimentId, index, attempt, type, epoch,
                TrialEventPayloads.write(payload), Instant.now());
        store.appendAndGet(event).ifPresent(onStored);
    }
}
