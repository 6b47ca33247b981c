package io.autocnn.coordinator.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code autocnn experiment}: the lecture's experiments, each a subcommand that writes its tables and plots. */
@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "Reproduce the lecture's experiments (tables as text, Markdown and CSV, plots as PNG).",
        subcommands = {ScrambledExperimentCommand.class, CifarGrayExperimentCommand.class})
final class ExperimentCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
