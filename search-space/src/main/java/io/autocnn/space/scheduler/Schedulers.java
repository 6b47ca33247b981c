package io.autocnn.space.scheduler;

import java.util.List;

/** Creates schedulers by their command-line name, with the defaults a search uses. */
public final class Schedulers {

    public static final List<String> NAMES = List.of("fifo", "asha", "median");

    /** ASHA's defaults: reduction factor 3, four rungs (the lowest a 27th of the full budget). */
    public static final int ASHA_ETA = 3;
    public static final int ASHA_RUNGS = 4;

    private Schedulers() {
    }

    public static Scheduler create(String name, double maxEpochs) {
        return create(name, maxEpochs, ASHA_RUNGS);
    }

    /** As {@link #create(String, double)}, with {@code ashaRungs} rungs for ASHA (ignored by the others). */
    public static Scheduler create(String name, double maxEpochs, int ashaRungs) {
        if (ashaRungs < 1) {
            throw new IllegalArgumentException("ASHA needs at least one rung, got " + ashaRungs);
        }
        return switch (name) {
            case "fifo" -> new FifoScheduler(maxEpochs);
            case "asha" -> AshaScheduler.withRungs(maxEpochs, ASHA_ETA, ashaRungs);
            case "median" -> new MedianStoppingScheduler(maxEpochs, Math.min(1.0, maxEpochs / 3), 3);
            default -> throw new IllegalArgumentException("unknown scheduler '" + name + "'; choose one of " + NAMES);
        };
    }
}
