package io.autocnn.space.sampler;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.space.definition.Candidate;

import java.util.List;
import java.util.Optional;

/**
 * Decides what to try next. A sampler knows nothing of training: it sees the space it was built for, the index of
 * the trial to propose, and the observations so far.
 *
 * <p>Determinism: the proposal for a given trial index depends only on the seed the sampler was built with, that
 * index and the history passed in, so the same space, seed and results give the same sequence of trials, and a
 * coordinator that restarts can continue from {@link #saveState()}.
 */
public interface Sampler {

    /** Name as used on the command line, for example {@code random} or {@code tpe}. */
    String name();

    /**
     * The candidate for trial {@code trialIndex} (0-based), or empty when the sampler has nothing left to propose
     * (an exhausted grid).
     */
    Optional<Candidate> propose(int trialIndex, List<Observation> history);

    /** Everything needed to continue after a restart, as JSON (the history is stored elsewhere and passed in). */
    JsonNode saveState();

    /** Restores what {@link #saveState()} returned; throws IllegalArgumentException for state of another sampler. */
    void restoreState(JsonNode state);
}
