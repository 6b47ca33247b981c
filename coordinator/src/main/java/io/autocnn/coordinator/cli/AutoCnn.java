package io.autocnn.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autocnn} command line: one subcommand per task. */
@Command(name = "autocnn", mixinStandardHelpOptions = true, version = "AutoCNN 0.1.0",
        description = "Search for good convolutional networks, and train baselines to compare them with.",
        subcommands = {TrainCommand.class, SearchCommand.class, CompareCommand.class, ClusterCommand.class, ServeCommand.class, RunCommand.class,
                ExperimentCommand.class})
public final class AutoCnn implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, also used by tests to run commands in-process. */
    public static CommandLine commandLine() {
        return new CommandLine(new AutoCnn())
                .setDefaultValueProvider(new DefinitionDefaults())
                .setExecutionExceptionHandler(new UserErrorHandler());
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
