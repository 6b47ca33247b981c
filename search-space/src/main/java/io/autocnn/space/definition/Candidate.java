package io.autocnn.space.definition;

import io.autocnn.space.spec.TrialSpec;

import java.util.Map;
import java.util.OptionalInt;

/**
 * One point of a search space: the values chosen for its searched parameters (by key, in sampling order), the
 * trial specification they make, and the trial it was derived from (an evolutionary child's parent), whose trained
 * weights it may start from where layer shapes match.
 */
public record Candidate(Map<String, Object> parameters, TrialSpec spec, OptionalInt parent) {

    public Candidate {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
    }

    /** A candidate derived from no trial. */
    public Candidate(Map<String, Object> parameters, TrialSpec spec) {
        this(parameters, spec, OptionalInt.empty());
    }

    public Candidate withParent(int trialIndex) {
        return new Candidate(parameters, spec, OptionalInt.of(trialIndex));
    }
}
