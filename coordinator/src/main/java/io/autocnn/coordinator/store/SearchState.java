package io.autocnn.coordinator.store;

/**
 * What a resumed search needs besides its trials: the sampler's and scheduler's saved state (their own JSON), the
 * index the next new trial gets, and the wall-clock seconds the search has used (downtime does not count).
 */
public record SearchState(String samplerState, String schedulerState, int nextTrialIndex, double elapsedSeconds) {
}
