package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.experiment.CifarGrayExperiment;
import io.autocnn.coordinator.experiment.ModelCurve;
import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.report.ErrorCurvesReport;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageDataset;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code autocnn experiment cifar-gray}: random forest, MLP and CNN on grayscale CIFAR-10, error per epoch. */
@Command(name = "cifar-gray", mixinStandardHelpOptions = true,
        defaultValueProvider = CifarGrayExperimentCommand.GrayCifarByDefault.class,
        description = {"Compare a random forest, an MLP 512/100 and a CNN (4 conv, 2 pool, dense 472, batch 200) on "
                + "grayscale CIFAR-10: train and test error per epoch, averaged over runs.",
                "The lecture's setting: --epochs 100 --runs 10 --trees 300."})
final class CifarGrayExperimentCommand implements Callable<Integer> {

    /**
     * This experiment reads grayscale CIFAR-10 unless --dataset names another; every other option keeps the command
     * line's defaults (a command's own provider replaces the root's, so it must ask that one too).
     */
    static final class GrayCifarByDefault implements CommandLine.IDefaultValueProvider {
        private final DefinitionDefaults definitionDefaults = new DefinitionDefaults();

        @Override
        public String defaultValue(CommandLine.Model.ArgSpec argument) {
            return argument.isOption() && ((CommandLine.Model.OptionSpec) argument).longestName().equals("--dataset")
                    ? "cifar10-gray" : definitionDefaults.defaultValue(argument);
        }
    }

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Option(names = "--epochs", defaultValue = "10",
            description = "Epochs for the MLP and the CNN (lecture: 100). Default: ${DEFAULT-VALUE}.")
    double epochs;

    @Option(names = "--runs", defaultValue = "2",
            description = "Runs to average, run r seeded with seed + r (lecture: 10). Default: ${DEFAULT-VALUE}.")
    int runs;

    @Option(names = "--trees", defaultValue = "100",
            description = "Trees of the random forest (lecture: 300). Default: ${DEFAULT-VALUE}.")
    int trees;

    @Option(names = "--seed", defaultValue = "123",
            description = "Seed of the first run and of the validation split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR", description = "Where to write error-vs-epoch.csv, .md and .png. "
            + "Default: runs/cifar-gray-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        CifarGrayExperiment experiment = new CifarGrayExperiment(epochs, runs, trees, seed);
        PrintWriter console = command.commandLine().getOut();
        ImageDataset source = data.open();
        DatasetSplit split = data.split(source, seed);
        ExperimentOutput output = ExperimentOutput.start(command, out, "cifar-gray", source, split);
        String settings = String.format(Locale.ROOT, "MLP and CNN: %s epochs, batch %d, Adam; random forest: %d "
                + "trees; %d runs from seed %d.", EpochTable.epochLabel(epochs), experiment.batchSize(), trees, runs,
                seed);
        console.println("settings  " + settings);
        console.println();

        List<ModelCurve> curves = experiment.run(split, new ConsoleExperimentProgress(console));

        console.println(ErrorCurvesReport.finalErrors(curves).terminal());
        ErrorCurvesReport.write("Error per epoch, mean of " + runs + (runs == 1 ? " run" : " runs"), curves,
                output.context(settings), output.directory());
        output.wrote(ErrorCurvesReport.CSV, ErrorCurvesReport.MARKDOWN, ErrorCurvesReport.PLOT);
        return 0;
    }
}
