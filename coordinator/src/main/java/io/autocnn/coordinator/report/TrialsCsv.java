package io.autocnn.coordinator.report;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.spec.NetworkCost;
import io.autocnn.workers.data.ImageShape;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every trial of a search, in ranking order, as CSV (architecture quoted; errors as fractions). Multiply-accumulates
 * per image are counted from each trial's specification on the search's images, so a table of a finished search
 * needs nothing but this file.
 */
public final class TrialsCsv {

    public static final String HEADER = "rank,trial,state,failure_cause,validation_error,epochs_trained,"
            + "parameter_count,macs,batch_size,learning_rate,optimizer,seconds,architecture";

    private TrialsCsv() {
    }

    /** Writes {@code ranking}, whose trials trained on images of {@code shape} in {@code classes} classes. */
    public static void write(List<TrialSummary> ranking, ImageShape shape, int classes, Path file)
            throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        int rank = 0;
        for (TrialSummary t : ranking) {
            rank++;
            lines.add(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s,%d,%d,%d,%s,%s,%.1f,\"%s\"", rank, t.index(),
                    t.state(), t.failureCause().map(Enum::name).orElse(""),
                    t.validationError().isPresent() ? String.format(Locale.ROOT, "%.6f",
                            t.validationError().getAsDouble()) : "",
                    t.epochsTrained(), t.parameterCount(), NetworkCost.of(t.candidate().spec(), shape.channels(),
                            shape.height(), shape.width(), classes).macs(), t.candidate().spec().training().batchSize(),
                    t.candidate().spec().training().learningRate(), t.candidate().spec().training().optimizer(),
                    t.seconds(), t.candidate().spec().summary().replace("\"", "'")));
        }
        Files.write(file, lines);
    }
}
