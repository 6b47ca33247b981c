package io.autocnn.space.spec;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * Everything a candidate network costs that a search may limit or minimise: what is counted from its specification
 * ({@link NetworkCost}) and, only where the search asks for them, what is measured on this machine (its inference
 * latency) or estimated by DL4J (its training memory at the candidate's batch size).
 *
 * @param counted       parameters and multiply-accumulates per image
 * @param latency       measured inference latency; empty when the search did not ask for it
 * @param trainingBytes off-heap memory to train at the candidate's batch size; empty when not asked for
 */
public record CandidateCost(NetworkCost counted, Optional<InferenceLatency> latency, OptionalLong trainingBytes) {

    public CandidateCost {
        if (counted == null || latency == null || trainingBytes == null) {
            throw new IllegalArgumentException("use empty optionals for costs not measured");
        }
    }

    /** A cost of counted figures only. */
    public static CandidateCost counted(NetworkCost counted) {
        return new CandidateCost(counted, Optional.empty(), OptionalLong.empty());
    }

    public long parameters() {
        return counted.parameters();
    }

    public long macs() {
        return counted.macs();
    }
}
