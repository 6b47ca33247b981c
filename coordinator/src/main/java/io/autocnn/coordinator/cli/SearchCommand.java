package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.compare.FinalTraining;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.FinalModel;
import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.report.LeaderboardTable;
import io.autocnn.coordinator.report.Percent;
import io.autocnn.coordinator.report.TrialsCsv;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.objective.ParetoFront;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.ToDoubleFunction;

/** {@code autocnn search}: runs a whole architecture search in this process and prints the ranked trials. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a space of CNNs on a dataset: sample, train on Spark with early stopping, rank.")
final class SearchCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    CommandSpec command;

    @Parameters(index = "0", paramLabel = "SPACE", description = "The search space file (YAML or JSON).")
    Path spaceFile;

    @Mixin
    DatasetOptions data = new DatasetOptions();

    @Mixin
    SearchSettings search = new SearchSettings();

    @Mixin
    SparkCliOptions cluster = new SparkCliOptions();

    @Option(names = "--dry-run",
            description = "Check the set-up without training: every trial takes the whole way (a Spark task on the "
                    + "workers, its live report, its result into the store) but reports a made-up epoch at once. For a "
                    + "cluster's first test; its ranking means nothing.")
    boolean dryRun;

    @Option(names = "--continue",
            description = "Continue the latest search of this space stored in --out instead of starting one: its "
                    + "trials stay and it goes on to the --trials and --budget given, both counted from its start. "
                    + "Only the budget may differ from the stored search.")
    boolean continueStored;

    @Mixin
    FinalTrainingOption finalTrainingOption = new FinalTrainingOption();

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write trials.csv, best-spec.json and the store with the trials and their "
                    + "checkpoints (autocnn serve --data-dir DIR shows them). Default: runs/search-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        SparkOptions sparkOptions = cluster.options();
        PreparedSearch prepared = PreparedSearch.prepare(spaceFile, search, data,
                sparkOptions.maxConcurrentTrials(), console);
        FinalTraining finalTraining = finalTrainingOption.finalTraining(0, prepared.definition());
        SearchDefinition definition = prepared.definition().withFinalTrainingShare(finalTraining.share());
        console.printf(Locale.ROOT, "search    space %s, %s, up to %d trials in %s, seed %d%s%n",
                prepared.space().name(), prepared.strategy(), search.trials,
                DurationConverter.format(definition.searchTime().toSeconds()), search.seed, finalTraining.enabled()
                        ? ", then final training of its best model for "
                        + DurationConverter.format(definition.finalTrainingTime().toSeconds()) : "");
        if (!prepared.space().constraints().isEmpty()) {
            console.println("limits    " + prepared.space().constraints().describe()
                    + "; a candidate beyond them is not trained");
        }
        console.printf(Locale.ROOT, "workers   Spark %s, %d trial(s) at a time, %d thread(s) each%s%n%n",
                sparkOptions.master(), sparkOptions.maxConcurrentTrials(), sparkOptions.threadsPerTrial(),
                dryRun ? "; dry run: no trial trains" : "");
        if (continueStored && out == null) {
            throw new IllegalArgumentException("--continue needs --out: the folder of the search to continue");
        }
        Path outDir = RunDirectory.chosenOrDefault(out, "search");

        SearchProgress progress = new SearchProgress(console, System.console() != null, search.trials,
                definition.searchTime().toNanos());
        SearchOutcome outcome;
        Optional<FinalModel> finalModel;
        Path finalModelFile;
        Map<Integer, CandidateCost> costs;
        try (LocalEngine engine = LocalEngine.open(outDir, sparkOptions, console,
                dryRun ? TrialBody.NO_OP : TrialBody.TRAIN)) {
            LocalEngine.Started started = continueStored
                    ? engine.continueLatest(definition, prepared.recipe(), progress)
                    : engine.start(definition, prepared.recipe(), search.seed, progress);
            console.printf("experiment %s, stored in %s%n", started.experimentId(), outDir);
            outcome = engine.runToEnd(started);
            finalModel = engine.finalModel(started.experimentId());
            finalModelFile = engine.finalModelOf(started.experimentId());
            costs = engine.trialCosts(started.experimentId());
        }
        progress.finish();
        report(console, outcome, definition.secondObjective().map(objective -> secondValues(objective, costs)),
                prepared.data(), outDir);
        if (outcome.failure().isPresent()) {
            command.commandLine().getErr().println("search failed: " + outcome.failure().get());
            return 1;
        }
        if (finalModel.isPresent()) {
            FinalModel model = finalModel.get();
            console.printf(Locale.ROOT, "%nfinal     trial %d trained on to %s epochs on training and validation "
                            + "images in %.0f s: test accuracy %s (the trial's own checkpoint: %s)%n", model.trial(),
                    EpochTable.epochLabel(model.epochsTrained()), model.seconds(),
                    Percent.of(model.testAccuracy().orElse(Double.NaN)),
                    Percent.of(model.trialTestAccuracy().orElse(Double.NaN)));
            console.println("wrote     " + finalModelFile + " (autocnn predict takes it)");
        }
        return 0;
    }

    /** A trial's value of the search's second objective, with its name. */
    private record SecondValues(SecondObjective objective, ToDoubleFunction<TrialSummary> valueOf) {

        String name() {
            return objective.description();
        }
    }

    /** Each trial's value from what the search stored of it (measured figures as it measured them). */
    private static SecondValues secondValues(SecondObjective objective, Map<Integer, CandidateCost> costs) {
        return new SecondValues(objective, trial -> objective.of(costs.get(trial.index()))
                .orElse(Double.NaN));
    }

    private void report(PrintWriter console, SearchOutcome outcome, Optional<SecondValues> second,
                        TrainingData trainedOn, Path outDir) throws java.io.IOException {
        long refused = outcome.ranking().stream().filter(TrialSummary::refusedByConstraints).count();
        console.printf(Locale.ROOT, "%nsearch ended after %.0f s: %s%s%n%n", outcome.seconds(), outcome.stopReason(),
                refused == 0 ? "" : "; " + refused + " candidate(s) broke a constraint and were not trained");
        console.print(LeaderboardTable.render(outcome.ranking(), 20));
        TrialsCsv.write(outcome.ranking(), trainedOn.shape(), trainedOn.numClasses(), outDir.resolve("trials.csv"));
        if (outcome.best().isPresent()) {
            TrialSummary best = outcome.best().get();
            Files.writeString(outDir.resolve("best-spec.json"), TrialSpecJson.write(best.candidate().spec()
                    .withTraining(best.candidate().spec().training().withEpochs(Math.max(best.epochsTrained(), 1)))));
        }
        if (second.isPresent()) {
            List<TrialSummary> measured = outcome.ranking().stream().filter(t -> t.validationError().isPresent()
                    && !Double.isNaN(second.get().valueOf().applyAsDouble(t))).toList();
            console.println();
            console.println("Pareto front (validation error vs " + second.get().name() + "):");
            console.printf(Locale.ROOT, "%5s  %9s  %14s  %s%n", "trial", "val error", second.get().name()
                    .split(" ")[0], "architecture");
            for (TrialSummary trial : ParetoFront.of(measured, t -> t.validationError().getAsDouble(),
                    second.get().valueOf())) {
                console.printf(Locale.ROOT, "%5d  %9s  %14s  %s%n", trial.index(),
                        Percent.of(trial.validationError().getAsDouble()),
                        second.get().objective().format(second.get().valueOf().applyAsDouble(trial)),
                        trial.candidate().spec().summary());
            }
        }
        console.println();
        console.println("wrote     " + outDir.resolve("trials.csv") + ", " + outDir.resolve("best-spec.json"));
    }
}
