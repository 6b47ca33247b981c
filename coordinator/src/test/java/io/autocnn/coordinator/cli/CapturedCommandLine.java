package io.autocnn.coordinator.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the real {@code autocnn} command line in-process and keeps what it printed, for the CLI tests. */
final class CapturedCommandLine {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The exit code of {@code autocnn args...}. */
    int run(String... args) {
        CommandLine commandLine = AutoCnn.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    String out() {
        return out.toString();
    }

    String err() {
        return err.toString();
    }
}
