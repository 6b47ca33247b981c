package io.autocnn.workers.data;

import java.nio.file.Path;

/** A data file that is missing, unreadable or not in the expected format; the message says where, what and why. */
public class DatasetException extends RuntimeException {

    public DatasetException(String message) {
        super(message);
    }

    public DatasetException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The standard shape of the message: the file, what was expected there, and what was found. */
    public static DatasetException unexpected(Path file, String expected, String found) {
        return new DatasetException(file + ": expected " + expected + ", found " + found);
    }
}
