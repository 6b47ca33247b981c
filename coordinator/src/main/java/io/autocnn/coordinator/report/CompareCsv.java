package io.autocnn.coordinator.report;

import io.autocnn.coordinator.compare.ChosenModel;
import io.autocnn.coordinator.compare.RepetitionOutcome;
import io.autocnn.coordinator.compare.TrialCounts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@code compare.csv}: one row per side and repetition, accuracies and errors as fractions, seconds of wall clock;
 * the trial counts are empty on LeNet-5's rows.
 */
public final class CompareCsv {

    public static final String FILE = "compare.csv";
    public static final String HEADER = "side,repetition,seed,test_accuracy,validation_error,chosen_epoch,"
            + "epochs_trained,parameters,seconds,trials_completed,trials_pruned,trials_failed,trials_timed_out,architecture";

    private CompareCsv() {
    }

    public static void write(List<RepetitionOutcome> outcomes, Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (RepetitionOutcome o : outcomes) {
            for (ChosenModel model : o.models()) {
                lines.add(row(o, model, model == o.search() ? Optional.of(o.trials()) : Optional.empty()));
            }
        }
        Files.write(dir.resolve(FILE), lines);
    }

    private static String row(RepetitionOutcome o, ChosenModel m, Optional<TrialCounts> trials) {
        return String.format(Locale.ROOT, "%s,%d,%d,%.6f,%.6f,%s,%s,%d,%.1f,%s,\"%s\"", m.side().csvName(),
                o.repetition(), o.seed(), m.testAccuracy(), m.validationError(), m.chosenEpoch(), m.epochsTrained(),
                m.parameters(), m.seconds(), trials.map(t -> t.completed() + "," + t.pruned() + "," + t.failed()
                        + "," + t.timedOut()).orElse(",,,"), m.spec().summary().replace("\"", "'"));
    }
}
