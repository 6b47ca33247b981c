package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.report.LeaderboardTable;
import io.autocnn.coordinator.report.TrialsCsv;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFeasibility;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.objective.ParetoFront;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Scheduler;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageDataset;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code autocnn search}: runs a whole architecture search in this process and prints the ranked trials. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Search a space of CNNs on a dataset: sample, train on Spark with early stopping, rank.")
final class SearchCommand implements Callable<Integer> {

    /** Training error during a search is measured on this many images: it is reported, never used to decide. */
    private static final int SEARCH_TRAIN_ERROR_SAMPLE = 2_000;

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

    @Option(names = "--second-objective", paramLabel = "params",
            description = "Also minimise this (params) and print the Pareto front with validation error.")
    String secondObjective;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Where to write trials.csv, best-spec.json and checkpoints. Default: runs/search-<time>.")
    Path out;

    @Override
    public Integer call() throws Exception {
        PrintWriter console = command.commandLine().getOut();
        SparkOptions sparkOptions = cluster.options();
        SearchSpace space = SpaceFile.read(spaceFile);
        Sampler chosenSampler = Samplers.create(search.sampler, space, search.seed);
        Scheduler chosenScheduler = Schedulers.create(search.scheduler, space.maxEpochs(), search.rungs);
        SecondObjective second = secondObjective == null ? null : SecondObjective.parse(secondObjective);
        SearchBudget limits = new SearchBudget(search.trials, search.budget, search.maxFailed);

        ImageDataset source = data.open();
        console.println("dataset   " + source.description());
        DataRecipe recipe = data.recipe(search.seed);
        TrainingData prepared = recipe.prepare(source);
        // Embedded Spark runs tasks in this JVM: they reuse these arrays instead of reading the files again.
        PreparedDataCache.put(recipe, prepared);
        List<SpecViolation> infeasible = SpaceFeasibility.violations(space, prepared.shape().height(),
                prepared.shape().width());
        if (!infeasible.isEmpty()) {
            throw new InvalidSpaceException(spaceFile.toString(), infeasible);
        }
        console.println("images    " + Describe.images(prepared));
        console.printf(Locale.ROOT, "search    space %s, sampler %s, scheduler %s, up to %d trials in %s, seed %d%n",
                space.name(), chosenSampler.name(), chosenScheduler.name(), search.trials,
                DurationConverter.format(search.budget.toSeconds()), search.seed);
        console.printf(Locale.ROOT, "workers   Spark %s, %d trial(s) at a time, %d thread(s) each%n%n",
                sparkOptions.master(), sparkOptions.maxConcurrentTrials(), sparkOptions.threadsPerTrial());
        Path outDir = RunDirectory.chosenOrDefault(out, "search");
        Path checkpoints = Files.createDirectories(outDir.resolve("checkpoints"));

        SearchProgress progress = new SearchProgress(console, System.console() != null, search.trials,
                search.budget.toNanos());
        SearchOutcome outcome;
        RunnerOptions options = new RunnerOptions(SEARCH_TRAIN_ERROR_SAMPLE, RunnerOptions.defaults().evaluationChunk());
        try (SparkDispatcher spark = SparkDispatcher.start(sparkOptions)) {
            SearchRun run = new SearchRun(chosenSampler, chosenScheduler,
                    spark.forData(recipe, options, TrialBody.TRAIN), limits, space.maxEpochs(), checkpoints, progress);
            outcome = run.run();
        }
        progress.finish();
        report(console, outcome, second, outDir);
        if (outcome.failure().isPresent()) {
            command.commandLine().getErr().println("search failed: " + outcome.failure().get());
            return 1;
        }
        return 0;
    }

    private void report(PrintWriter console, SearchOutcome outcome, SecondObjective second, Path outDir)
            throws java.io.IOException {
        console.printf(Locale.ROOT, "%nsearch ended after %.0f s: %s%n%n", outcome.seconds(), outcome.stopReason());
        console.print(LeaderboardTable.render(outcome.ranking(), 20));
        TrialsCsv.write(outcome.ranking(), outDir.resolve("trials.csv"));
        if (outcome.best().isPresent()) {
            TrialSummary best = outcome.best().get();
            Files.writeString(outDir.resolve("best-spec.json"), TrialSpecJson.write(best.candidate().spec()
                    .withTraining(best.candidate().spec().training().withEpochs(Math.max(best.epochsTrained(), 1)))));
        }
        if (second == SecondObjective.PARAMS) {
            List<TrialSummary> measured = outcome.ranking().stream().filter(t -> t.validationError().isPresent())
                    .toList();
            console.println();
            console.println("Pareto front (validation error vs parameters):");
            console.print(LeaderboardTable.render(ParetoFront.of(measured, t -> t.validationError().getAsDouble(),
                    TrialSummary::parameterCount), Integer.MAX_VALUE));
        }
        console.println();
        console.println("wrote     " + outDir.resolve("trials.csv") + ", " + outDir.resolve("best-spec.json"));
    }
}
