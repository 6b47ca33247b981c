package io.autocnn.coordinator.store;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The projection of one trial, as the leaderboard lists it.
 *
 * @param parametersJson the sampled parameters (JSON object), from the CREATED event
 * @param specJson       the trial's specification at full epochs (JSON), from the CREATED event
 * @param validationError validation error after the last epoch reported (what the ranking uses)
 * @param macs           multiply-accumulates per image, counted from the specification (0 if stored before that)
 * @param latency        its inference latency, when the search measured it
 * @param trainingBytes  its training memory by DL4J's report, when the search estimated it
 * @param seconds        wall-clock seconds of all its runs together
 */
public record TrialRow(int trialIndex, int attempt, TrialState state, Optional<FailureCause> failureCause,
                       String message, String parametersJson, String specJson, double epochsTrained,
                       long parameterCount, long macs, Optional<InferenceLatency> latency,
                       OptionalLong trainingBytes, OptionalDouble trainError, OptionalDouble validationError,
                       OptionalDouble testError, double seconds, Instant updatedAt) {

    /** What the trial's network costs, as counted and measured when it was created. */
    public CandidateCost cost() {
        return new CandidateCost(new NetworkCost(parameterCount, macs), latency, trainingBytes);
    }
}
