package io.autocnn.coordinator.search;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/**
 * Where a stopped search resumes from: its trials, the sampler's and scheduler's saved state, the next new trial's
 * index and the wall-clock time already used (time the coordinator was down does not count against the budget).
 */
public record SearchCheckpoint(List<ResumedTrial> trials, JsonNode samplerState, JsonNode schedulerState,
                               int nextTrialIndex, double elapsedSeconds) {
}
