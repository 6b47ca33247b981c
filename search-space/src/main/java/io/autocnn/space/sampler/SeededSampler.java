package io.autocnn.space.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.space.definition.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * A sampler whose first trials are given (a warm start from known networks: LeNet-5, an earlier search's best), as
 * Optuna's {@code enqueue_trial}: trial i below their count is the i-th given candidate, every later trial the
 * wrapped sampler's, which learns from the given ones' results like from any others.
 */
public final class SeededSampler implements Sampler {

    private final Sampler sampler;
    private final List<Candidate> first;

    public SeededSampler(Sampler sampler, List<Candidate> first) {
        this.sampler = sampler;
        this.first = List.copyOf(first);
    }

    @Override
    public String name() {
        return sampler.name();
    }

    @Override
    public Optional<Candidate> propose(int trialIndex, List<Observation> history) {
        return trialIndex < first.size() ? Optional.of(first.get(trialIndex)) : sampler.propose(trialIndex, history);
    }

    @Override
    public JsonNode saveState() {
        return sampler.saveState();
    }

    @Override
    public void restoreState(JsonNode state) {
        sampler.restoreState(state);
    }
}
