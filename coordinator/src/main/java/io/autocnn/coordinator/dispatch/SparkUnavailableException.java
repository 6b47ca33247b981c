package io.autocnn.coordinator.dispatch;

/**
 * Spark could not be started or reached as configured (master down, wrong Scala build, no worker able to start an
 * executor): a set-up problem the user fixes, reported without a stack trace.
 */
public final class SparkUnavailableException extends RuntimeException {

    public SparkUnavailableException(String message) {
        super(message);
    }

    public SparkUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
