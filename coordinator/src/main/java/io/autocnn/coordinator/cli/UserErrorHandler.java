package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkUnavailableException;
import io.autocnn.coordinator.engine.DataDirectoryLock;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.workers.data.DatasetException;
import picocli.CommandLine;

/**
 * Turns the errors a user can fix (bad data files, bad specifications, bad option values, an unreachable
 * Spark master, a data directory another process holds) into a one-paragraph
 * message and exit code 2, instead of a stack trace. Anything else is a bug and keeps its stack trace.
 */
final class UserErrorHandler implements CommandLine.IExecutionExceptionHandler {

    static final int USER_ERROR = 2;

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult)
            throws Exception {
        if (e instanceof DatasetException || e instanceof InvalidSpecException || e instanceof IllegalArgumentException
                || e instanceof SparkUnavailableException || e instanceof DataDirectoryLock.InUseException) {
            commandLine.getErr().println("error: " + e.getMessage());
            return USER_ERROR;
        }
        throw e;
    }
}
