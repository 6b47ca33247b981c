package io.autocnn.space.trial;

import java.util.List;
import java.util.Optional;

/**
 * How a trial ended and everything it measured on the way.
 *
 * @param state          COMPLETED or FAILED
 * @param failureCause   present exactly when the state is FAILED
 * @param message        a human-readable explanation of a failure; empty otherwise
 * @param epochs         per-epoch metrics in order, also those measured before a failure
 * @param epochsTrained  epochs trained in total, counting fractions and any epochs of a checkpoint resumed from
 * @param parameterCount trainable parameters of the network (0 when it could not be built)
 */
public record TrialResult(TrialState state, Optional<FailureCause> failureCause, String message,
                          List<EpochMetrics> epochs, double epochsTrained, long parameterCount) {

    public TrialResult {
        epochs = List.copyOf(epochs);
        if ((state == TrialState.FAILED) != failureCause.isPresent()) {
            throw new IllegalArgumentException("a failure cause is given exactly for FAILED trials");
        }
    }

    public static TrialResult completed(List<EpochMetrics> epochs, double epochsTrained, long parameterCount) {
        return new TrialResult(TrialState.COMPLETED, Optional.empty(), "", epochs, epochsTrained, parameterCount);
    }

    public static TrialResult failed(FailureCause cause, String message, List<EpochMetrics> epochs,
                                     double epochsTrained, long parameterCount) {
        return new TrialResult(TrialState.FAILED, Optional.of(cause), message, epochs, epochsTrained, parameterCount);
    }

}
