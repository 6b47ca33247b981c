package io.autocnn.coordinator.store;

/**
 * What a resumed search needs besides its trials: the sampler's and scheduler's saved state (their own JSON) and the
 * index the next new trial gets.
 */
public record SearchState(String samplerState, String schedulerState, int nextTrialIndex) {
}
