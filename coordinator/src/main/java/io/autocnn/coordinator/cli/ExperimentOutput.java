package io.autocnn.coordinator.cli;

import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageDataset;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What every experiment command does around its experiment: checks the data has a test part, creates the output
 * directory, prints what it runs on, and writes the Markdown context that makes a report re-runnable.
 */
record ExperimentOutput(PrintWriter console, Path directory, String commandLine, ImageDataset source,
                        DatasetSplit split) {

    static ExperimentOutput start(CommandSpec command, Path chosen, String kind, ImageDataset source,
                                  DatasetSplit split) throws IOException {
        if (split.test().size() == 0) {
            throw new IllegalArgumentException("the experiment compares test errors, but " + source.description()
                    + " has no test images");
        }
        Path directory = RunDirectory.chosenOrDefault(chosen, kind);
        Files.createDirectories(directory);
        PrintWriter console = command.commandLine().getOut();
        console.println("dataset   " + source.description());
        console.println("images    " + Describe.images(split));
        return new ExperimentOutput(console, directory, typed(command), source, split);
    }

    /** The command line as the user typed it, e.g. {@code autocnn experiment scrambled --limit 600}. */
    static String typed(CommandSpec command) {
        // The parse result holds every argument after the program name, subcommands included.
        return command.root().name() + " " + String.join(" ", command.commandLine().getParseResult().originalArgs());
    }

    /** The paragraph above a report's tables: the command, the data and the settings. */
    String context(String settings) {
        return "Command: `" + commandLine.strip() + "`\n\nData: " + source.description() + "; "
                + Describe.images(split) + ".\n\nSettings: " + settings;
    }

    void wrote(String... files) {
        console.println("wrote     " + Arrays.stream(files).map(f -> directory.resolve(f).toString())
                .collect(Collectors.joining(", ")));
    }
}
