package io.autocnn.coordinator.search;

import io.autocnn.space.definition.Candidate;

import java.util.Optional;

/**
 * Looks at a proposed candidate before it trains: the reason it must not train (it breaks a declared constraint), or
 * empty. Called under the search's lock, so it must be quick and never block.
 */
@FunctionalInterface
public interface CandidateCheck {

    CandidateCheck NONE = candidate -> Optional.empty();

    Optional<String> refusal(Candidate candidate);
}
