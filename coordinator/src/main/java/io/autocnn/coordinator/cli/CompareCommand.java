package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.compare.Comparison;
import io.autocnn.coordinator.compare.LeNet5UnderBudget;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.compare.FinalTraining;
import io.autocnn.coordinator.compare.RepetitionOutcome;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.report.CompareCsv;
import io.autocnn.coordinator.report.ComparePlots;
import io.autocnn.coordinator.report.CompareReport;
import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.workers.model.LeNet5;
import io.autocnn.workers.train.TrialListener;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code autocnn compare}: the hand-built LeNet-5 against an architecture search under the same wall-clock budget,
 * each choosing its model by validation error, both measured on the test set; repeated with consecutive seeds.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Train LeNet-5 and run an architecture search under the same wall-clock budget, one after "
                + "the other, and compare the test accuracy of the models each chose by validation error.",
                "Writes report.html, report.md, compare.csv and PNG plots."})
final class CompareCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    // bin/autocnn sets autocnn.home to the checkout, so the default space is found from any working folder.
    @Option(names = "--space", defaultValue = "${sys:autocnn.home:-.}/examples/fashion-mnist-2h-space.yaml",
            paramLabel = "FILE", description = "The search space file (YAML or JSON). Default: the space made for "
                    + "two hours on 2 cores, ${DEFAULT-VALUE}.")
    Path spaceFile;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Mixin
    SearchSettings search = new SearchSettings();

    @Mixin
    SparkCliOptions cluster = new SparkCliOptions();

    @Option(names = "--repetitions", defaultValue = "1", paramLabel = "N",
            description = "Compare N times with seeds seed, seed+1, ...; the report gives mean and standard "
                    + "deviation. Default: ${DEFAULT-VALUE}.")
    int repetitions;

    @Option(names = "--max-epochs", paramLabel = "N",
            description = "Stop LeNet-5 after N epochs even if budget is left. Default: train until the budget is used.")
    Integer maxEpochs;

    @Option(names = "--patience", defaultValue = "0", paramLabel = "N",
            description = "Stop LeNet-5 once N epochs in a row did not lower its validation error (early stopping). "
                    + "Default: 0, off.")
    int patience;

    @Mixin
    FinalTrainingOption finalTrainingOption = new FinalTrainingOption();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write the report, its CSV and plots, and the checkpoints. Default: runs/compare-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        SparkOptions sparkOptions = cluster.options();
        PreparedSearch prepared = PreparedSearch.prepare(spaceFile, search, data,
                sparkOptions.maxConcurrentTrials(), console);
        Augmentation augmentation = prepared.definition().dataset().augmentation();
        FinalTraining finalTraining = finalTrainingOption.finalTraining(FinalTraining.DEFAULT_SHARE,
                prepared.definition());
        Comparison comparison = new Comparison(new LeNet5UnderBudget(search.budget,
                maxEpochs == null ? LeNet5UnderBudget.EPOCH_LIMIT : maxEpochs, patience, augmentation),
                finalTraining, repetitions, search.seed);
        // The search and its model's final training share the budget LeNet-5 has alone.
        SearchDefinition searchDefinition = FinalTrainingOption.searchPart(prepared.definition(), finalTraining,
                search.budget);
        if (prepared.data().test().size() == 0) {
            throw new IllegalArgumentException("compare measures test accuracy, but " + prepared.source().description()
                    + " has no test images");
        }
        String budget = DurationConverter.format(search.budget.toSeconds());
        console.printf(Locale.ROOT, "compare   LeNet-5 against space %s (%s, up to %d trials), %s each, one after "
                        + "the other; %d repetition(s) from seed %d%n%n", prepared.space().name(), prepared.strategy(),
                search.trials, budget, repetitions, search.seed);
        Path outDir = Files.createDirectories(RunDirectory.chosenOrDefault(out, "compare"));

        List<RepetitionOutcome> outcomes;
        try (LocalEngine engine = LocalEngine.open(outDir, sparkOptions, console)) {
            outcomes = comparison.run(prepared.data(), (seed, listener) -> {
                LocalEngine.Started started = engine.start(searchDefinition, prepared.recipe(), seed, listener);
                return new Comparison.RepetitionSearch() {
                    @Override
                    public SearchOutcome run() throws InterruptedException {
                        return engine.runToEnd(started);
                    }

                    @Override
                    public Path checkpoints() {
                        return started.checkpoints();
                    }
                };
            }, outDir, progress(console));
        }
        CompareReport.write(outcomes, ExperimentOutput.typed(command).strip(), context(prepared, sparkOptions),
                outDir);
        console.println();
        console.println(CompareReport.difference(outcomes));
        console.println("wrote     " + outDir.resolve(CompareReport.HTML) + ", " + outDir.resolve(CompareReport.MARKDOWN)
                + ", " + outDir.resolve(CompareCsv.FILE) + ", " + outDir.resolve(ComparePlots.TEST_ACCURACY) + " ...");
        return 0;
    }

    /** The report's paragraphs on seeds, data, budget and settings: what it takes to re-run it. */
    private List<String> context(PreparedSearch prepared, SparkOptions sparkOptions) {
        double finalShare = finalTrainingOption.share(FinalTraining.DEFAULT_SHARE);
        String budget = DurationConverter.format(search.budget.toSeconds());
        TrainingSettings lenet = LeNet5.spec().training();
        return List.of(
                String.format(Locale.ROOT, "Seed: %d; repetition r uses seed %d + r - 1 for LeNet-5's weights and "
                        + "batch order and for the search's sampler and trials. The data's sample and validation "
                        + "split use seed %d in every repetition.", search.seed, search.seed, search.seed),
                "Data: " + prepared.source().description() + "; " + Describe.images(prepared.data()) + ".",
                String.format(Locale.ROOT, "Budget: %s (%d s) of wall-clock time for each side. The two sides ran "
                        + "one after the other on the same machine (LeNet-5 first, then the search), so neither "
                        + "slowed the other; reading the data, starting Spark and an untimed warm-up of LeNet-5 "
                        + "(a tenth of the budget, at most 30 s or one epoch) are not counted.", budget, search.budget.toSeconds()),
                String.format(Locale.ROOT, "LeNet-5: batch %d, %s, learning rate %s, trained epoch after epoch "
                        + "until its budget was used%s; it keeps the epoch with the lowest validation error. Search: "
                        + "space %s, %s, up to %d trials, Spark %s, %d trial(s) at a time; it keeps the trial with the "
                        + "lowest validation error. The test set measures only the two chosen models.",
                        lenet.batchSize(), lenet.optimizer(), lenet.learningRate(),
                        (maxEpochs == null ? "" : " or it had trained " + maxEpochs + " epochs")
                                + (patience == 0 ? "" : " or " + patience + " epochs in a row had not lowered its "
                                + "validation error"), prepared.space().name(),
                        prepared.strategy(), search.trials, sparkOptions.master(), sparkOptions.maxConcurrentTrials()),
                finalShare == 0 ? "Final training: none (--final-training 0); the search had the whole budget."
                        : String.format(Locale.ROOT, "Final training: the search had %.0f%% of the budget; its chosen "
                        + "model then trained on for the remaining %.0f%%, from its checkpoint, on the training and "
                        + "validation images together, its learning rate annealed to zero by half a cosine. The search "
                        + "is reported with and without it; after it, the validation error is on images it trained "
                        + "on.", 100 * (1 - finalShare), 100 * finalShare));
    }

    private Comparison.Progress progress(PrintWriter console) {
        boolean interactive = System.console() != null;
        return new Comparison.Progress() {
            private SearchProgress searchLine;

            @Override
            public void say(String line) {
                if (searchLine != null) {
                    searchLine.finish();
                    searchLine = null;
                }
                console.println(line);
            }

            @Override
            public TrialListener lenet5Training() {
                console.println(EpochTable.header());
                return new TerminalProgressBar(console, interactive);
            }

            @Override
            public SearchListener search() {
                searchLine = new SearchProgress(console, interactive, search.trials, search.budget.toNanos());
                return searchLine;
            }
        };
    }
}
