package io.autocnn.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.time.Instant;
import java.util.Map;
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

    /** The sampled parameters by key, as {@link #parametersJson} holds them. */
    public Map<String, Object> parameters() {
        try {
            return TrialSpecJson.mapper().readValue(parametersJson, new TypeReference<>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("trial " + trialIndex + "'s stored parameters are not a JSON object", e);
        }
    }

    /** The trial's specification, as {@link #specJson} holds it. */
    public TrialSpec spec() {
        return TrialSpecJson.read(specJson, "trial " + trialIndex);
    }

    /** The trial's network in words, as the leaderboard shows it: {@code conv5x5·16 → pool → dense 128}. */
    public String architecture() {
        return spec().summary();
    }

    /** What the trial's network costs, as counted and measured when it was created. */
    public CandidateCost cost() {
        return new CandidateCost(new NetworkCost(parameterCount, macs), latency, trainingBytes);
    }
}
