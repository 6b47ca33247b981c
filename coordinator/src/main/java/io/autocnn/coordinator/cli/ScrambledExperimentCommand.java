package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.experiment.ScrambleOutcome;
import io.autocnn.coordinator.experiment.ScrambledExperiment;
import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.report.ScrambleReport;
import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageDataset;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code autocnn experiment scrambled}: LeNet-5, an MLP and a random forest on original and scrambled pixels. */
@Command(name = "scrambled", mixinStandardHelpOptions = true,
        description = {"Train LeNet-5, an MLP 512/100 and a random forest on the original images and on the same "
                + "images with one fixed pixel permutation (train and test alike), and compare test accuracy.",
                "Expected: the CNN loses its edge, the MLP and the random forest do not change."})
final class ScrambledExperimentCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Option(names = "--epochs", defaultValue = "2", description = "Epochs for LeNet-5 and the MLP. Default: ${DEFAULT-VALUE}.")
    double epochs;

    @Option(names = "--trees", defaultValue = "50", description = "Trees of the random forest. Default: ${DEFAULT-VALUE}.")
    int trees;

    @Option(names = "--seed", defaultValue = "123",
            description = "Seed for weights, batch order, the forest and the validation split. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write accuracy.csv, accuracy.md and accuracy.png. Default: runs/scrambled-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (data.sample.scramble) {
            throw new IllegalArgumentException("--scramble does not apply to 'experiment scrambled': it trains every "
                    + "model on both the original and the scrambled images (choose the permutation with --scramble-seed)");
        }
        ScrambledExperiment experiment = new ScrambledExperiment(epochs, trees, seed);
        PrintWriter console = command.commandLine().getOut();
        ImageDataset source = data.open();
        DatasetSplit split = data.split(source, seed);
        ExperimentOutput output = ExperimentOutput.start(command, out, "scrambled", source, split);
        console.printf("settings  %s epochs, %d trees, seed %d, pixel permutation seed %d%n%n",
                EpochTable.epochLabel(epochs), trees, seed, data.sample.scrambleSeed);

        List<ScrambleOutcome> outcomes = experiment.run(split, data.scrambler(split),
                new ConsoleExperimentProgress(console));

        console.println(ScrambleReport.table(outcomes).terminal());
        ScrambleReport.write(outcomes, output.context(String.format(java.util.Locale.ROOT,
                "LeNet-5 and MLP: %s epochs, batch 64, Adam; random forest: %d trees; seed %d; pixel permutation "
                        + "seed %d.", EpochTable.epochLabel(epochs), trees, seed, data.sample.scrambleSeed)), output.directory());
        output.wrote(ScrambleReport.CSV, ScrambleReport.MARKDOWN, ScrambleReport.PLOT);
        return 0;
    }
}
