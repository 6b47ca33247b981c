package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.store.ExperimentProgress;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.NewExperiment;
import io.autocnn.coordinator.store.SearchState;
import io.autocnn.coordinator.store.TrialDetail;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialStore;

import java.util.List;
import java.util.Optional;

/**
 * A real store that stops writing at {@link #crash()}: what it holds afterwards is exactly what a coordinator killed
 * at that instant would have left on disk, while the search's threads wind down without a trace.
 */
final class CrashableStore implements TrialStore {

    private final TrialStore store;
    private volatile boolean crashed;

    CrashableStore(TrialStore store) {
        this.store = store;
    }

    void crash() {
        crashed = true;
    }

    @Override
    public ExperimentRecord createExperiment(NewExperiment experiment) {
        return store.createExperiment(experiment);
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return store.experiment(experimentId);
    }

    @Override
    public List<ExperimentRecord> experiments() {
        return store.experiments();
    }

    @Override
    public void updateStatus(String experimentId, ExperimentStatus status, String reason) {
        if (!crashed) {
            store.updateStatus(experimentId, status, reason);
        }
    }

    @Override
    public void updateDefinition(String experimentId, String definitionJson) {
        if (!crashed) {
            store.updateDefinition(experimentId, definitionJson);
        }
    }

    @Override
    public boolean deleteExperiment(String experimentId) {
        return !crashed && store.deleteExperiment(experimentId);
    }

    @Override
    public Optional<TrialEvent> appendAndGet(TrialEvent event) {
        return crashed ? Optional.empty() : store.appendAndGet(event);
    }

    @Override
    public List<TrialEvent> events(String experimentId, long afterSequence, int limit) {
        return store.events(experimentId, afterSequence, limit);
    }

    @Override
    public long lastSequence(String experimentId) {
        return store.lastSequence(experimentId);
    }

    @Override
    public TrialPage trials(String experimentId, TrialQuery query) {
        return store.trials(experimentId, query);
    }

    @Override
    public TrialPage spread(String experimentId, TrialQuery query) {
        return store.spread(experimentId, query);
    }

    @Override
    public Optional<TrialDetail> trial(String experimentId, int trialIndex) {
        return store.trial(experimentId, trialIndex);
    }

    @Override
    public ExperimentProgress progress(String experimentId) {
        return store.progress(experimentId);
    }

    @Override
    public void saveSearchState(String experimentId, SearchState state) {
        if (!crashed) {
            store.saveSearchState(experimentId, state);
        }
    }

    @Override
    public Optional<SearchState> searchState(String experimentId) {
        return store.searchState(experimentId);
    }

    @Override
    public void close() {
        store.close();
    }
}
