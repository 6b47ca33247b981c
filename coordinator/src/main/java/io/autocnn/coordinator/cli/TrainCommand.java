package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.report.ErrorCurvePlot;
import io.autocnn.coordinator.report.MetricsCsv;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.spec.TrialSpecValidator;
import io.autocnn.space.trial.TrialResult;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrialRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code autocnn train}: trains one network (LeNet-5 by name, or a specification file) and reports per epoch. */
@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Train one network and report train/validation/test error per epoch (table, CSV, PNG plot).")
final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Option(names = "--model", required = true, paramLabel = "lenet5|SPEC.json",
            description = "The built-in name 'lenet5' or a trial specification JSON file.")
    String model;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Mixin
    AugmentationOptions augmentation = new AugmentationOptions();

    @Option(names = "--epochs", description = "Epochs to train (fractions allowed); overrides the specification.")
    Double epochs;

    @Option(names = "--batch", description = "Batch size; overrides the specification.")
    Integer batch;

    @Option(names = "--learning-rate", description = "Learning rate; overrides the specification.")
    Double learningRate;

    @Option(names = "--seed", description = "Seed for weights, batch order and the validation split.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write metrics.csv, error-vs-epoch.png, spec.json and model.zip. Default: runs/train-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        TrialSpec spec = applyOverrides(NamedSpec.read(model, "--model"));
        TrialRunner runner = new TrialRunner(RunnerOptions.defaults()
                .withAugmentation(augmentation.value(data.sample.dataset())));
        ImageDataset source = data.open();
        console.println("dataset   " + source.description());
        TrainingData prepared = data.prepare(source, spec.training().seed());
        console.println("images    " + Describe.images(prepared));
        console.println("network   " + spec.summary());
        console.printf("training  epochs %s, batch %d, %s, learning rate %s, seed %d%n%n",
                EpochTable.epochLabel(spec.training().epochs()), spec.training().batchSize(),
                spec.training().optimizer(), spec.training().learningRate(), spec.training().seed());

        Path outDir = RunDirectory.chosenOrDefault(out, "train");
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("spec.json"), TrialSpecJson.write(spec));

        console.println(EpochTable.header());
        TrialRun run = TrialRun.epochs(spec.training().epochs()).measuringTest().savingTo(outDir.resolve("model.zip"));
        boolean interactive = System.console() != null;
        TrialResult result = runner.run(spec, prepared, run, new TerminalProgressBar(console, interactive));

        MetricsCsv.write(result.epochs(), outDir.resolve("metrics.csv"));
        if (!result.epochs().isEmpty()) {
            ErrorCurvePlot.write(spec.summary(), result.epochs(), outDir.resolve("error-vs-epoch.png"));
        }
        console.println();
        console.println("wrote     " + outDir.resolve("metrics.csv") + ", " + outDir.resolve("error-vs-epoch.png")
                + ", " + outDir.resolve("model.zip"));
        if (result.state() != TrialState.COMPLETED) {
            command.commandLine().getErr().println("trial failed (" + result.failureCause().orElseThrow() + "): "
                    + result.message());
            return 1;
        }
        return 0;
    }


    private TrialSpec applyOverrides(TrialSpec spec) {
        TrainingSettings training = spec.training();
        if (epochs != null) {
            training = training.withEpochs(epochs);
        }
        if (batch != null) {
            training = training.withBatchSize(batch);
        }
        if (learningRate != null) {
            training = training.withLearningRate(learningRate);
        }
        if (seed != null) {
            training = training.withSeed(seed);
        }
        return TrialSpecValidator.requireValid(spec.withTraining(training));
    }
}
