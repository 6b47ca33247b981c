package io.autocnn.coordinator.search;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Where one trial of a search stands: what it is, how far it trained, and every epoch it reported (across
 * promotions). An immutable snapshot; the search publishes a new one on every change.
 */
public record TrialSummary(int index, Candidate candidate, TrialState state, Optional<FailureCause> failureCause,
                           String message, List<EpochMetrics> epochs, double epochsTrained, long parameterCount,
                           double seconds) {

    public TrialSummary {
        epochs = List.copyOf(epochs);
    }

    /** The validation error of the last reported epoch: the trial's objective at its current fidelity. */
    public OptionalDouble validationError() {
        return EpochMetrics.lastValidationError(epochs);
    }
}
