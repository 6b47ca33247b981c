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
import io.autocnn.workers.data.DatasetCatalog;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.PixelScrambler;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialRun;
import io.autocnn.workers.train.TrialRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
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

    @Option(names = "--dataset", defaultValue = "fashion-mnist",
            description = "One of: fashion-mnist, mnist, cifar10, cifar10-gray, folder. Default: ${DEFAULT-VALUE}.")
    String dataset;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Directory of the dataset's files (default for fashion-mnist: /usr/share/datasets/fashion-mnist).")
    Path dataDir;

    @Option(names = "--image-size", defaultValue = "28x28", paramLabel = "HxW",
            description = "For --dataset folder: size images are resized to. Default: ${DEFAULT-VALUE}.")
    String imageSize;

    @Option(names = "--channels", defaultValue = "1", description = "For --dataset folder: 1 (gray) or 3 (colour).")
    int channels;

    @Option(names = "--epochs", description = "Epochs to train (fractions allowed); overrides the specification.")
    Double epochs;

    @Option(names = "--batch", description = "Batch size; overrides the specification.")
    Integer batch;

    @Option(names = "--learning-rate", description = "Learning rate; overrides the specification.")
    Double learningRate;

    @Option(names = "--seed", description = "Seed for weights, batch order and the validation split.")
    Long seed;

    @Option(names = "--limit", paramLabel = "N",
            description = "Use a class-balanced sample of N training images (before the validation split).")
    Integer limit;

    @Option(names = "--test-limit", paramLabel = "N", description = "Use a class-balanced sample of N test images.")
    Integer testLimit;

    @Option(names = "--validation-fraction", defaultValue = "0.1",
            description = "Share of the training images held out for validation. Default: ${DEFAULT-VALUE}.")
    double validationFraction;

    @Option(names = "--scramble", description = "Permute pixels by one fixed seeded permutation (train and test alike).")
    boolean scramble;

    @Option(names = "--scramble-seed", defaultValue = "2024", description = "Seed of the pixel permutation.")
    long scrambleSeed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write metrics.csv, error-vs-epoch.png, spec.json and model.zip. Default: runs/train-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        TrialSpec spec = applyOverrides(loadSpec());
        ImageDataset source = DatasetCatalog.open(dataset, Optional.ofNullable(dataDir), folderShape());
        console.println("dataset   " + source.description());
        TrainingData data = prepare(source, spec.training().seed());
        console.printf("images    %d train, %d validation, %d test, %s%n", data.train().size(),
                data.validation().size(), data.test().size(), data.shape());
        console.println("network   " + spec.summary());
        console.printf("training  epochs %s, batch %d, %s, learning rate %s, seed %d%n%n",
                EpochTable.epochLabel(spec.training().epochs()), spec.training().batchSize(),
                spec.training().optimizer(), spec.training().learningRate(), spec.training().seed());

        Path outDir = out != null ? out : Path.of("runs", "train-" + LocalDateTime.now()
                .format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        Files.createDirectories(outDir);
        Files.writeString(outDir.resolve("spec.json"), TrialSpecJson.write(spec));

        console.println(EpochTable.header());
        TrialRun run = TrialRun.epochs(spec.training().epochs()).measuringTest().savingTo(outDir.resolve("model.zip"));
        boolean interactive = System.console() != null;
        TrialResult result = new TrialRunner().run(spec, data, run, new TerminalProgressBar(console, interactive));

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

    private TrialSpec loadSpec() {
        if (LeNet5.NAME.equals(model)) {
            return LeNet5.spec();
        }
        Path file = Path.of(model);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("--model " + model + ": neither the built-in name '" + LeNet5.NAME
                    + "' nor an existing specification file");
        }
        return TrialSpecJson.read(file);
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

    private ImageShape folderShape() {
        String[] parts = imageSize.toLowerCase(Locale.ROOT).split("x");
        try {
            if (parts.length == 2 && (channels == 1 || channels == 3)) {
                return new ImageShape(channels, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("--image-size must look like 28x28 and --channels be 1 or 3, got '"
                + imageSize + "' and " + channels);
    }

    private TrainingData prepare(ImageDataset source, long splitSeed) {
        LabeledImages train = source.train();
        LabeledImages test = source.test();
        if (limit != null) {
            train = ValidationSplit.sample(train, limit, splitSeed);
        }
        if (testLimit != null && test.size() > 0) {
            test = ValidationSplit.sample(test, testLimit, splitSeed + 1);
        }
        if (scramble) {
            PixelScrambler scrambler = new PixelScrambler(train.shape(), scrambleSeed);
            train = scrambler.apply(train);
            test = scrambler.apply(test);
        }
        ValidationSplit.Parts parts = ValidationSplit.carve(train, validationFraction, splitSeed);
        return TrainingData.of(parts.train(), parts.validation(), test);
    }
}
