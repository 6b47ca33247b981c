package io.autocnn.coordinator.store;

/** The columns trials can be sorted by. */
public enum TrialSort {
    VALIDATION_ERROR, TEST_ERROR, TRIAL, EPOCHS, PARAMETERS, SECONDS, UPDATED
}
