package io.autocnn.coordinator.search;

import io.autocnn.space.definition.Candidate;

import java.util.Optional;

/**
 * Looks at a proposed candidate before it trains: the reason it must not train (it breaks a declared constraint), or
 * empty. Called by the search's own thread before the trial is created, outside the search's lock, so it may take
 * time (measuring a candidate's latency does); it must not throw for a candidate it cannot judge, but refuse it.
 */
@FunctionalInterface
public interface CandidateCheck {

    CandidateCheck NONE = candidate -> Optional.empty();

    Optional<String> refusal(Candidate candidate);
}
