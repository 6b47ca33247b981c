package io.autocnn.coordinator.compare;

import io.autocnn.coordinator.report.EpochTable;
import io.autocnn.coordinator.report.Percent;
import io.autocnn.coordinator.report.TrialsCsv;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Locale;

/**
 * LeNet-5 against an architecture search under the same wall-clock budget: in each repetition LeNet-5 trains first,
 * then the search runs, one after the other on the same machine, so neither slows the other down. Each side chooses
 * its model by validation error; the test set measures the two chosen models only.
 *
 * @param lenet5        the hand-built side, with the budget
 * @param finalTraining the share of the budget the search's model trains further once chosen (its search has the
 *                      rest of the budget); the report gives the search both with and without it
 * @param repetitions   how many times to compare; repetition r (1-based) uses seed {@code firstSeed + r - 1}
 */
public record Comparison(LeNet5UnderBudget lenet5, FinalTraining finalTraining, int repetitions, long firstSeed) {

    /** The search of one repetition, as the engine created it. */
    public interface RepetitionSearch {
        /** Runs the search to its end (and records how it ended). */
        SearchOutcome run() throws InterruptedException;

        /** Where its trials' checkpoints are ({@link SearchRun#checkpointOf}). */
        Path checkpoints();
    }

    /** Creates the search of one repetition, its sampler seeded with {@code seed}. */
    @FunctionalInterface
    public interface SearchFactory {
        RepetitionSearch create(long seed, SearchListener listener);
    }

    /** What the comparison tells the terminal while it runs. */
    public interface Progress {
        /** A new stage starts (a side of a repetition) or has ended: one line. */
        void say(String line);

        TrialListener lenet5Training();

        SearchListener search();
    }

    public Comparison {
        if (repetitions < 1) {
            throw new IllegalArgumentException("--repetitions must be at least 1, got " + repetitions);
        }
    }

    /** Every trial of a repetition's search, as {@code search}'s trials.csv, beside its other files. */
    public static final String SEARCH_TRIALS_FILE = "search-trials.csv";

    /**
     * Runs every repetition; each writes LeNet-5's checkpoints and metrics and the search's trials under
     * {@code directory/repetition-<r>/}.
     */
    public List<RepetitionOutcome> run(TrainingData data, SearchFactory searches, Path directory, Progress progress)
            throws IOException, InterruptedException {
        List<RepetitionOutcome> outcomes = new ArrayList<>();
        lenet5.warmUp(data);
        for (int r = 1; r <= repetitions; r++) {
            long seed = firstSeed + r - 1;
            Path repetitionDirectory = repetitionDirectory(directory, r);
            progress.say("repetition " + r + " of " + repetitions + ", seed " + seed + ": LeNet-5");
            ChosenModel lenet = lenet5.train(data, seed, repetitionDirectory, progress.lenet5Training());
            progress.say(describe(lenet));

            progress.say("repetition " + r + " of " + repetitions + ", seed " + seed + ": search");
            BestSoFar bestSoFar = new BestSoFar(progress.search());
            RepetitionSearch repetition = searches.create(seed, bestSoFar);
            SearchOutcome outcome = repetition.run();
            TrialsCsv.write(outcome.ranking(), data.shape(), data.numClasses(), repetitionDirectory.resolve(SEARCH_TRIALS_FILE));
            ChosenModel search = SearchChoice.of(outcome, repetition.checkpoints(), data);
            progress.say(describe(search) + ", search ended: " + outcome.stopReason());
            int bestTrial = outcome.best().orElseThrow().index();
            Optional<ChosenModel> trained = Optional.empty();
            if (finalTraining.enabled()) {
                progress.say("repetition " + r + " of " + repetitions + ", seed " + seed + ": final training");
                trained = Optional.of(finalTraining.train(search,
                        SearchRun.checkpointOf(repetition.checkpoints(), bestTrial), data,
                        finalTraining.time(lenet5.budget()), repetitionDirectory.resolve("search-final.zip"),
                        TrialListener.NONE));
                progress.say(describe(trained.get()));
            }
            outcomes.add(new RepetitionOutcome(r, seed, lenet, search, bestTrial, TrialCounts.of(outcome.ranking()),
                    bestSoFar.points(), outcome.stopReason().description(), trained, TrainingTime.of(outcome.ranking(),
                    bestTrial, trained.map(ChosenModel::seconds).orElse(0.0))));
        }
        return outcomes;
    }

    /** Where repetition {@code repetition} (1-based) keeps its checkpoints and per-epoch metrics. */
    public static Path repetitionDirectory(Path directory, int repetition) {
        return directory.resolve("repetition-" + repetition);
    }

    private static String describe(ChosenModel model) {
        return String.format(Locale.ROOT, "%s: chose %s at epoch %s, validation error %s, test accuracy %s, "
                        + "%.0f s used", model.side().label(), model.spec().summary(),
                EpochTable.epochLabel(model.chosenEpoch()), Percent.of(model.validationError()),
                Percent.of(model.testAccuracy()), model.seconds());
    }
}
