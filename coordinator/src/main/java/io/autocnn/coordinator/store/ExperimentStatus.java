package io.autocnn.coordinator.store;

/** Where an experiment stands. RUNNING experiments are resumed when the service starts on their data directory. */
public enum ExperimentStatus {
    RUNNING, COMPLETED, FAILED, CANCELLED
}
