package io.autocnn.coordinator.service;

/** The experiment is not in a state the operation needs (running when it must not be, or the other way round). */
public final class ExperimentConflictException extends RuntimeException {

    public ExperimentConflictException(String message) {
        super(message);
    }
}
