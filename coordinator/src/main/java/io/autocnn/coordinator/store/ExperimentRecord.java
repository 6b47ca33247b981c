package io.autocnn.coordinator.store;

import java.time.Instant;

/** A stored experiment. */
public record ExperimentRecord(String id, String name, ExperimentStatus status, String reason, String definitionJson,
                               String spaceHash, Instant createdAt, Instant updatedAt) {
}
