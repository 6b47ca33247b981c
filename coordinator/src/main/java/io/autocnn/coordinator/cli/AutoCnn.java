package io.autocnn.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code autocnn} command line: one subcommand per task. */
@Command(name = "autocnn", mixinStandardHelpOptions = true, version = "AutoCNN 0.1.0",
        description = "Search for good convolutional networks, and train baselines to compare them with.",
        subcommands = {TrainCommand.class, PredictCommand.class, SearchCommand.class, CompareCommand.class, ClusterCommand.class, ServeCommand.class, RunCommand.class,
                ExperimentCommand.class})
public final class AutoCnn implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /**
     * The configured command line, also used by tests to run commands in-process. An option given twice takes its
     * last value, so wrappers such as demo.sh can pass defaults that a user's own flags then override.
     */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new AutoCnn())
                .setOverwrittenOptionsAllowed(true)
                .setExecutionExceptionHandler(new UserErrorHandler());
        withDefinitionDefaults(commandLine);
        return commandLine;
    }

    /**
     * Gives every command without a default provider of its own the definition's defaults. (picocli's
     * {@code setDefaultValueProvider} would replace a command's own provider, such as cifar-gray's dataset default.)
     */
    private static void withDefinitionDefaults(CommandLine command) {
        if (command.getCommandSpec().defaultValueProvider() == null) {
            command.getCommandSpec().defaultValueProvider(new DefinitionDefaults());
        }
        command.getSubcommands().values().forEach(AutoCnn::withDefinitionDefaults);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
