package io.autocnn.coordinator.report;

import io.autocnn.space.trial.EpochMetrics;

import java.util.List;
import java.util.Locale;

/** The per-epoch table printed to the terminal: errors as percentages, loss, time and throughput with units. */
public final class EpochTable {

    private static final String HEADER = String.format(Locale.ROOT, "%7s  %10s  %11s  %10s  %10s  %8s  %10s",
            "epoch", "train loss", "train error", "val error", "test error", "time", "examples/s");

    private EpochTable() {
    }

    public static String header() {
        return HEADER + "\n" + "-".repeat(HEADER.length());
    }

    public static String row(EpochMetrics m) {
        String test = m.testError().isPresent() ? Percent.of(m.testError().getAsDouble()) : "-";
        return String.format(Locale.ROOT, "%7s  %10.4f  %11s  %10s  %10s  %7.1fs  %10.0f", epochLabel(m.epoch()),
                m.trainLoss(), Percent.of(m.trainError()), Percent.of(m.validationError()), test, m.epochSeconds(),
                m.examplesPerSecond());
    }

    public static String render(List<EpochMetrics> epochs) {
        StringBuilder text = new StringBuilder(header()).append('\n');
        epochs.forEach(m -> text.append(row(m)).append('\n'));
        return text.toString();
    }

    public static String epochLabel(double epoch) {
        return epoch == Math.rint(epoch) ? String.valueOf((long) epoch) : String.format(Locale.ROOT, "%.2f", epoch);
    }
}
