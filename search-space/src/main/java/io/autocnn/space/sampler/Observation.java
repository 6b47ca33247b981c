package io.autocnn.space.sampler;

import java.util.Map;

/**
 * A finished trial as a sampler sees it: the parameters it was given (keys as in
 * {@link io.autocnn.space.definition.Candidate#parameters()}) and its objective value, lower is better
 * (validation error by default). Pruned trials are included with the value they had when stopped.
 */
public record Observation(int trialIndex, Map<String, Object> parameters, double objective) {

    public Observation {
        parameters = Map.copyOf(parameters);
    }
}
