package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;

import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Trials by state (every state present, 0 where none), and the best validation error so far with its trial. */
public record ExperimentProgress(long trials, Map<TrialState, Long> byState, OptionalDouble bestValidationError,
                                 OptionalInt bestTrial) {
}
