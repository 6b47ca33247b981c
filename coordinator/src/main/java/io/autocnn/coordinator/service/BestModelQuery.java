package io.autocnn.coordinator.service;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.SpecViolation;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The best-model endpoints' limits: {@code ?maxParameters=N} and {@code ?maxLatencyMs=M}, the most accurate model of at
 * most N parameters and M milliseconds per image at batch 1. A trial whose latency the search did not measure (its
 * experiment neither limited nor minimised it) never passes a latency limit: nothing vouches for it.
 */
record BestModelQuery(OptionalLong maxParameters, OptionalDouble maxLatencyMs) {

    static final String MAX_PARAMETERS = "maxParameters";
    static final String MAX_LATENCY_MS = "maxLatencyMs";
    /** A trillion, as the space file's constraints allow. */
    static final long MAX_VALUE = 1_000_000_000_000L;

    static BestModelQuery of(MultiMap params) {
        List<SpecViolation> problems = new ArrayList<>();
        OptionalLong parameters = OptionalLong.empty();
        String rawParameters = params.get(MAX_PARAMETERS);
        if (rawParameters != null) {
            try {
                long value = Long.parseLong(rawParameters);
                parameters = value >= 1 && value <= MAX_VALUE ? OptionalLong.of(value) : OptionalLong.empty();
            } catch (NumberFormatException e) {
                // reported below
            }
            if (parameters.isEmpty()) {
                problems.add(new SpecViolation(MAX_PARAMETERS, "must be an integer from 1 to " + MAX_VALUE));
            }
        }
        OptionalDouble latency = OptionalDouble.empty();
        String rawLatency = params.get(MAX_LATENCY_MS);
        if (rawLatency != null) {
            try {
                double value = Double.parseDouble(rawLatency);
                latency = value > 0 && value <= MAX_VALUE ? OptionalDouble.of(value) : OptionalDouble.empty();
            } catch (NumberFormatException e) {
                // reported below
            }
            if (latency.isEmpty()) {
                problems.add(new SpecViolation(MAX_LATENCY_MS, "must be a number of milliseconds above 0"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiProblem(400, "Bad query", "invalid query parameters", problems);
        }
        return new BestModelQuery(parameters, latency);
    }

    boolean isEmpty() {
        return maxParameters.isEmpty() && maxLatencyMs.isEmpty();
    }

    /** Whether a trial of {@code cost} is within every limit. */
    boolean admit(CandidateCost cost) {
        return (maxParameters.isEmpty() || cost.parameters() <= maxParameters.getAsLong())
                && (maxLatencyMs.isEmpty() || cost.latency().map(InferenceLatency::msPerImage)
                .filter(ms -> ms <= maxLatencyMs.getAsDouble()).isPresent());
    }

    /** The limits in words, e.g. "with at most 20000 parameters". */
    String describe() {
        List<String> parts = new ArrayList<>();
        maxParameters.ifPresent(n -> parts.add("at most " + n + " parameters"));
        maxLatencyMs.ifPresent(ms -> parts.add(String.format(Locale.ROOT, "a measured latency of at most %s ms per "
                + "image at batch 1", ms)));
        return "with " + String.join(" and ", parts);
    }
}
