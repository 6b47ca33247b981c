package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A validated request to create an experiment. The space is kept as the JSON the client sent (it is parsed and
 * checked by {@code SpaceFile}); everything else has its defaults filled in.
 *
 * @param maxWallTimeSeconds the search's wall-clock budget
 * @param maxConcurrent      trials trained at the same time
 * @param maxFailedTrials    the experiment ends FAILED after more failed trials than this
 */
public record ExperimentRequest(String name, JsonNode space, DatasetRequest dataset, String sampler, String scheduler,
                                int rungs, int maxTrials, long maxWallTimeSeconds, int maxConcurrent,
                                int maxFailedTrials, long seed) {
}
