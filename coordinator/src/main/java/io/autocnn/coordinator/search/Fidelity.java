package io.autocnn.coordinator.search;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a run short of a trial's full epochs (an early-stopping scheduler's rung) saves besides epochs.
 *
 * <p>Both measure runs to less than a third of the full epochs, where most candidates are cut, on a seeded,
 * class-balanced third of the validation set, which at the lowest rung costs about as much as the training itself;
 * longer runs, which decide the ranking, measure on all of it. Trials compared at one rung are measured on the same
 * images.
 */
public enum Fidelity {
    /** A low rung trains fewer epochs over all the training images. */
    EPOCHS,
    /**
     * A low rung also trains on a sample of the training images, the share its epochs are of the full epochs (at
     * least {@link #MIN_TRAINING_SHARE}): as many steps, over fewer images passed over more often (a first rung at
     * 1/27 of 12 epochs trains 0.44 epochs' worth of steps on 1/27 of the images, twelve passes). A promoted trial
     * continues on a larger sample that holds the smaller one, all images at the last rung.
     */
    DATA;

    /** The names the definition and the command line take. */
    public static final List<String> NAMES = Arrays.stream(values()).map(Fidelity::id).toList();

    static final double LOW_RUNG_VALIDATION_SHARE = 1.0 / 3;
    /** A sample below this learns too little to rank by (2,000 of Fashion-MNIST's 54,000 training images). */
    static final double MIN_TRAINING_SHARE = 1.0 / 27;
    private static final double EPSILON = 1e-9;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The fidelity named {@code id} (one of {@link #NAMES}). */
    public static Fidelity of(String id) {
        return Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("fidelity must be one of " + NAMES + ", got " + id));
    }

    /** The share of the validation set a run to {@code targetEpochs} of a trial's {@code maxEpochs} measures on. */
    public double validationShare(double targetEpochs, double maxEpochs) {
        return targetEpochs < maxEpochs / 3 - EPSILON ? LOW_RUNG_VALIDATION_SHARE : 1.0;
    }

    /** The share of the training set a run to {@code targetEpochs} of a trial's {@code maxEpochs} trains on. */
    public double trainingShare(double targetEpochs, double maxEpochs) {
        if (this == EPOCHS || targetEpochs >= maxEpochs - EPSILON) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(MIN_TRAINING_SHARE, targetEpochs / maxEpochs));
    }
}
