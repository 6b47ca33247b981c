package io.autocnn.coordinator.report;

import io.autocnn.coordinator.compare.ChosenModel;
import io.autocnn.coordinator.compare.Comparison;
import io.autocnn.coordinator.compare.RepetitionOutcome;
import io.autocnn.coordinator.compare.TrainingTime;
import io.autocnn.coordinator.experiment.Spread;
import io.autocnn.space.spec.TrainingSettings;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The comparison's report: {@code report.md} and a self-contained {@code report.html} with the same content, next
 * to {@code compare.csv} and the PNG plots. Several repetitions are summarised as mean ± sample standard deviation.
 */
public final class CompareReport {

    public static final String MARKDOWN = "report.md";
    public static final String HTML = "report.html";

    private CompareReport() {
    }

    /**
     * Writes every file into {@code dir}.
     *
     * @param command the exact command line, shown first
     * @param context paragraphs on seed, data, budget and settings, shown after it
     */
    public static void write(List<RepetitionOutcome> outcomes, String command, List<String> context, Path dir)
            throws IOException {
        CompareCsv.write(outcomes, dir);
        ComparePlots.write(outcomes, dir);
        for (RepetitionOutcome o : outcomes) {
            for (ChosenModel model : o.models()) {
                MetricsCsv.write(model.curve(), metricsFile(dir, o.repetition(), model));
            }
        }
        ReportDocument report = new ReportDocument("LeNet-5 versus architecture search").code("Command", command);
        context.forEach(report::paragraph);
        report.section("Result").table(summary(outcomes)).paragraph(difference(outcomes))
                .paragraph(trialCounts(outcomes)).paragraph(budgetUsed(outcomes)).paragraph(trainingTime(outcomes))
                .image("test accuracy of both chosen models", ComparePlots.TEST_ACCURACY)
                .section("Winning architecture").table(winners(outcomes))
                .section("Every repetition").table(repetitions(outcomes))
                .paragraph("Source of these tables: " + CompareCsv.FILE + " (fractions and seconds); each chosen "
                        + "model's metrics per epoch: repetition-<r>/lenet5-metrics.csv and search-metrics.csv.")
                .section("Plots")
                .image("search: validation error of the best trial so far, over the search's time",
                        ComparePlots.BEST_SO_FAR);
        for (RepetitionOutcome o : outcomes) {
            report.image("repetition " + o.repetition() + ": train and validation error per epoch of both chosen "
                    + "models", ComparePlots.errorCurves(o.repetition()));
        }
        Files.writeString(dir.resolve(MARKDOWN), report.markdown());
        Files.writeString(dir.resolve(HTML), report.html(dir));
    }

    /** The per-epoch metrics of one side's chosen model in one repetition, as {@link MetricsCsv}. */
    public static Path metricsFile(Path dir, int repetition, ChosenModel model) {
        return Comparison.repetitionDirectory(dir, repetition).resolve(model.side().csvName() + "-metrics.csv");
    }

    /** Search minus LeNet-5 test accuracy, in percentage points, without and (when there was one) with final training. */
    public static String difference(List<RepetitionOutcome> outcomes) {
        String without = "Test accuracy, search minus LeNet-5: "
                + points(spread(outcomes, RepetitionOutcome::accuracyDifference), outcomes.size()) + ".";
        if (outcomes.stream().anyMatch(o -> o.finalTrained().isEmpty())) {
            return without;
        }
        return without + " With the search's final training: " + points(spread(outcomes,
                o -> o.finalTrained().orElseThrow().testAccuracy() - o.lenet5().testAccuracy()), outcomes.size()) + ".";
    }

    private static String points(Spread difference, int repetitions) {
        return repetitions == 1 ? points(difference.mean())
                : String.format(Locale.ROOT, "%+.2f ± %.2f points (mean ± standard deviation over %d repetitions)",
                100 * difference.mean(), 100 * difference.sd(), repetitions);
    }

    private static String points(double share) {
        return String.format(Locale.ROOT, "%+.2f points", 100 * share);
    }

    private static TextTable summary(List<RepetitionOutcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        int sides = outcomes.stream().mapToInt(o -> o.models().size()).min().orElse(0);
        for (int side = 0; side < sides; side++) {
            int index = side;
            List<ChosenModel> models = outcomes.stream().map(o -> o.models().get(index)).toList();
            rows.add(List.of(models.get(0).side().label(),
                    percent(spread(models, ChosenModel::testAccuracy), outcomes.size()),
                    percent(spread(models, ChosenModel::validationError), outcomes.size()),
                    plain(spread(models, ChosenModel::chosenEpoch), "%.2f", outcomes.size()),
                    plain(spread(models, m -> m.parameters()), "%.0f", outcomes.size()),
                    plain(spread(models, ChosenModel::seconds), "%.1f", outcomes.size())));
        }
        return new TextTable(List.of("side", "test accuracy", "validation error", "chosen at epoch", "parameters",
                "time used (s)"), rows);
    }

    private static String trialCounts(List<RepetitionOutcome> outcomes) {
        if (outcomes.size() == 1) {
            RepetitionOutcome o = outcomes.get(0);
            return String.format(Locale.ROOT, "Search trials: %d completed, %d pruned, %d failed%s, %d timed out at "
                    + "the end of the budget; the search ended: %s.", o.trials().completed(), o.trials().pruned(),
                    o.trials().failed(), refused(o.trials().refused() > 0, String.valueOf(o.trials().refused())),
                    o.trials().timedOut(), o.stopReason());
        }
        return String.format(Locale.ROOT, "Search trials per repetition (mean ± standard deviation): %s completed, "
                        + "%s pruned, %s failed%s, %s timed out at the end of the budget.",
                plain(spread(outcomes, o -> o.trials().completed()), "%.1f", outcomes.size()),
                plain(spread(outcomes, o -> o.trials().pruned()), "%.1f", outcomes.size()),
                plain(spread(outcomes, o -> o.trials().failed()), "%.1f", outcomes.size()),
                refused(outcomes.stream().anyMatch(o -> o.trials().refused() > 0),
                        plain(spread(outcomes, o -> o.trials().refused()), "%.1f", outcomes.size())),
                plain(spread(outcomes, o -> o.trials().timedOut()), "%.1f", outcomes.size()));
    }

    /** Of the failed, those the space's constraints refused: candidates that cost no training. */
    private static String refused(boolean any, String count) {
        return any ? " (" + count + " of them candidates the space's constraints refused, never trained)" : "";
    }

    private static String budgetUsed(List<RepetitionOutcome> outcomes) {
        return String.format(Locale.ROOT, "Budget used: LeNet-5 %s s for %s epochs of training, the search %s s "
                        + "for %s epochs over all its trials%s.",
                plain(spread(outcomes, o -> o.lenet5().seconds()), "%.1f", outcomes.size()),
                plain(spread(outcomes, o -> o.lenet5().epochsTrained()), "%.2f", outcomes.size()),
                plain(spread(outcomes, o -> o.search().seconds()), "%.1f", outcomes.size()),
                plain(spread(outcomes, o -> o.search().epochsTrained()), "%.2f", outcomes.size()),
                outcomes.size() == 1 ? "" : " (mean ± standard deviation per repetition)");
    }

    private static String trainingTime(List<RepetitionOutcome> outcomes) {
        return String.format(Locale.ROOT, "The search's training time (summed over its trials%s): %s to pruned trials, "
                        + "%s to the chosen trial, %s to the other trials, %s to the chosen model's final training.",
                outcomes.size() == 1 ? "" : "; mean per repetition",
                share(outcomes, TrainingTime::pruned), share(outcomes, TrainingTime::winner),
                share(outcomes, TrainingTime::others), share(outcomes, TrainingTime::finalTraining));
    }

    /** Mean seconds of one part of the training time and its share of the whole. */
    private static String share(List<RepetitionOutcome> outcomes, ToDoubleFunction<TrainingTime> part) {
        double seconds = spread(outcomes, o -> part.applyAsDouble(o.trainingTime())).mean();
        double total = spread(outcomes, o -> o.trainingTime().total()).mean();
        return String.format(Locale.ROOT, "%.0f s (%.0f%%)", seconds, total > 0 ? 100 * seconds / total : 0);
    }

    private static TextTable winners(List<RepetitionOutcome> outcomes) {
        List<List<String>> rows = outcomes.stream().map(o -> {
            TrainingSettings training = o.search().spec().training();
            return List.of(String.valueOf(o.repetition()), String.valueOf(o.bestTrial()), o.search().spec().summary(),
                    String.valueOf(training.batchSize()), String.format(Locale.ROOT, "%.3g", training.learningRate()),
                    training.optimizer().name(), Percent.of(o.search().validationError()),
                    Percent.of(o.search().testAccuracy()));
        }).toList();
        return new TextTable(List.of("repetition", "trial", "architecture", "batch size", "learning rate",
                "optimizer", "validation error", "test accuracy"), rows);
    }

    private static TextTable repetitions(List<RepetitionOutcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        for (RepetitionOutcome o : outcomes) {
            for (ChosenModel m : o.models()) {
                boolean search = m == o.search();
                rows.add(List.of(String.valueOf(o.repetition()), String.valueOf(o.seed()), m.side().label(),
                        Percent.of(m.testAccuracy()), Percent.of(m.validationError()),
                        EpochTable.epochLabel(m.chosenEpoch()), String.format(Locale.ROOT, "%.2f", m.epochsTrained()),
                        String.valueOf(m.parameters()), String.format(Locale.ROOT, "%.1f", m.seconds()),
                        search ? o.trials().completed() + " / " + o.trials().pruned() + " / " + o.trials().failed()
                                + " / " + o.trials().timedOut() : "-"));
            }
        }
        return new TextTable(List.of("repetition", "seed", "side", "test accuracy", "validation error",
                "chosen at epoch", "epochs trained", "parameters", "time used (s)",
                "trials completed / pruned / failed / timed out"), rows);
    }

    private static <T> Spread spread(List<T> items, ToDoubleFunction<T> value) {
        return Spread.of(items.stream().mapToDouble(value).toArray());
    }

    /** A share as a percentage; mean ± standard deviation when there are several repetitions. */
    private static String percent(Spread spread, int repetitions) {
        return repetitions == 1 ? Percent.of(spread.mean()) : Percent.of(spread.mean()) + " ± " + Percent.of(spread.sd());
    }

    private static String plain(Spread spread, String format, int repetitions) {
        String mean = String.format(Locale.ROOT, format, spread.mean());
        return repetitions == 1 ? mean : mean + " ± " + String.format(Locale.ROOT, format, spread.sd());
    }
}
