package io.autocnn.space.sampler;

/** Derives each trial's own seed (weights, batch order, sampling randomness) from the experiment seed. */
public final class TrialSeeds {

    private TrialSeeds() {
    }

    /** SplitMix64 finaliser of (seed, index): well-spread, and the same for the same inputs on every machine. */
    public static long of(long experimentSeed, int trialIndex) {
        long z = experimentSeed + 0x9E3779B97F4A7C15L * (trialIndex + 1L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
