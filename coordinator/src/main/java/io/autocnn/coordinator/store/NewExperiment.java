package io.autocnn.coordinator.store;

/**
 * An experiment as created.
 *
 * @param name           a label for people
 * @param definitionJson everything that defines the experiment (space, dataset, sampler, scheduler, budgets, seed)
 *                       as canonical JSON: a resume compares it, and the model download reports it as provenance
 * @param spaceHash      hash of the search space, so a resume with a changed space is refused
 */
public record NewExperiment(String name, String definitionJson, String spaceHash) {
}
