package io.autocnn.space.definition;

import io.autocnn.space.spec.TrialSpec;

import java.util.Map;

/**
 * One point of a search space: the values chosen for its searched parameters (by key, in sampling order) and the
 * trial specification they make.
 */
public record Candidate(Map<String, Object> parameters, TrialSpec spec) {

    public Candidate {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }
}
