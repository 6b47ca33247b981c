package io.autocnn.coordinator.search;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.objective.Objective;
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

    /** The trial's {@link Objective}: the validation error of its latest epoch, the network its checkpoint holds. */
    public OptionalDouble validationError() {
        return Objective.of(epochs);
    }

    /** A candidate the space's constraints refused before any training: stored failed, though it cost nothing. */
    public boolean refusedByConstraints() {
        return failureCause.orElse(null) == FailureCause.CONSTRAINT;
    }
}
