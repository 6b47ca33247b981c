package io.autocnn.coordinator.report;

import java.util.Locale;

/** Errors are fractions internally and percentages with two decimals wherever a person reads them. */
public final class Percent {

    private Percent() {
    }

    /** {@code 0.1234} as {@code 12.34%}. */
    public static String of(double share) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * share);
    }
}
