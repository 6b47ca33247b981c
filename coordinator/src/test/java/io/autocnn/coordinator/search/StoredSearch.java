package io.autocnn.coordinator.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps what the store would (trial snapshots, each trial's latest run, the latest search state) and "kills the
 * coordinator" once the search has created {@code stopAfterCreating} trials: {@link #crashPoint} is all a restart gets.
 */
final class StoredSearch implements SearchListener {
    final Map<Integer, TrialSummary> trials = new LinkedHashMap<>();
    final Map<Integer, double[]> runs = new LinkedHashMap<>();
    final Map<Integer, Integer> attempts = new LinkedHashMap<>();
    JsonNode samplerState;
    JsonNode schedulerState;
    int nextTrialIndex;
    double elapsed;
    final int stopAfterCreating;
    SearchRun search;
    SearchCheckpoint crashPoint;

    StoredSearch(int stopAfterCreating) {
        this.stopAfterCreating = stopAfterCreating;
    }

    @Override
    public void onTrialChanged(TrialSummary trial) {
        trials.put(trial.index(), trial);
    }

    @Override
    public void onRunStarted(int index, int attempt, double targetEpochs, boolean resume) {
        runs.put(index, new double[]{targetEpochs, resume ? 1 : 0});
        attempts.put(index, attempt);
    }

    @Override
    public void onSearchState(JsonNode sampler, JsonNode scheduler, int next, double elapsedSeconds) {
        samplerState = sampler;
        schedulerState = scheduler;
        nextTrialIndex = next;
        elapsed = elapsedSeconds;
        if (crashPoint == null && next == stopAfterCreating && search != null) {
            // The coordinator "dies" here: what is stored at this moment is all a restart gets.
            crashPoint = snapshot();
            search.cancel();
        }
    }

    SearchCheckpoint snapshot() {
        List<ResumedTrial> resumed = new ArrayList<>();
        trials.forEach((index, summary) -> resumed.add(new ResumedTrial(summary, attempts.get(index),
                runs.get(index)[0], runs.get(index)[1] == 1)));
        return new SearchCheckpoint(resumed, samplerState.deepCopy(), schedulerState.deepCopy(), nextTrialIndex,
                elapsed);
    }
}

