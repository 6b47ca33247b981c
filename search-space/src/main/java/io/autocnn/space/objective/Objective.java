package io.autocnn.space.objective;

import io.autocnn.space.trial.EpochMetrics;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The one number every search minimises for a trial, and the one rule that ranks trials: the validation error of the
 * trial's latest epoch. That epoch's network is the one its checkpoint holds, so the trial ranked first, the metrics
 * shown for it, the model handed out as the best and the model tested afterwards are the same network. (The minimum
 * over earlier epochs would name a network that no longer exists once the trial trained on.)
 *
 * <p>Ties go to the lower trial index, as in the store's ranking index, so the in-memory ranking and the store's agree.
 */
public final class Objective {

    private Objective() {
    }

    /** The objective of a trial that reported {@code epochs}, in order; empty before its first epoch. */
    public static OptionalDouble of(List<EpochMetrics> epochs) {
        return epochs.isEmpty() ? OptionalDouble.empty()
                : OptionalDouble.of(epochs.get(epochs.size() - 1).validationError());
    }

    /** Whether trial {@code a} (objective {@code aValue}) ranks before trial {@code b}. */
    public static int compare(double aValue, int a, double bValue, int b) {
        int byValue = Double.compare(aValue, bValue);
        return byValue != 0 ? byValue : Integer.compare(a, b);
    }
}
