package io.autocnn.coordinator.service;

/** The service runs as many experiments as it may; the API answers 429 and nothing was started or changed. */
public final class ServiceBusyException extends RuntimeException {

    public ServiceBusyException(String message) {
        super(message);
    }
}
