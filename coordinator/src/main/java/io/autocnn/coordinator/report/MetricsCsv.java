package io.autocnn.coordinator.report;

import io.autocnn.space.trial.EpochMetrics;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-epoch metrics as CSV: one header line, one row per epoch, errors as fractions, empty test error if unmeasured. */
public final class MetricsCsv {

    public static final String HEADER =
            "epoch,train_loss,train_error,validation_error,test_error,epoch_seconds,examples_per_second,parameter_count";

    private MetricsCsv() {
    }

    public static void write(List<EpochMetrics> epochs, Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (EpochMetrics m : epochs) {
            lines.add(String.format(Locale.ROOT, "%s,%.6f,%.6f,%.6f,%s,%.3f,%.1f,%d", m.epoch(), m.trainLoss(),
                    m.trainError(), m.validationError(),
                    m.testError().isPresent() ? String.format(Locale.ROOT, "%.6f", m.testError().getAsDouble()) : "",
                    m.epochSeconds(), m.examplesPerSecond(), m.parameterCount()));
        }
        Files.write(file, lines);
    }
}
