package io.autocnn.space.sampler;

/**
 * Settings of the evolutionary sampler.
 *
 * @param population          how many random trials start the search, and how many of the best trials so far may
 *                            become parents
 * @param tournament          how many members of the population compete to become the parent (more = greedier)
 * @param mutationProbability chance that a parameter the parent has is changed (one is always changed)
 * @param mutationScale       standard deviation of a numeric step on the parameter's unit scale
 */
public record EvolutionSettings(int population, int tournament, double mutationProbability, double mutationScale) {

    public EvolutionSettings {
        if (population < 1) {
            throw new IllegalArgumentException("population must be at least 1, found " + population);
        }
        if (tournament < 1) {
            throw new IllegalArgumentException("tournament must be at least 1, found " + tournament);
        }
        if (!(mutationProbability >= 0 && mutationProbability <= 1)) {
            throw new IllegalArgumentException("mutationProbability must be in [0, 1], found " + mutationProbability);
        }
        if (!(mutationScale > 0 && mutationScale <= 1)) {
            throw new IllegalArgumentException("mutationScale must be in (0, 1], found " + mutationScale);
        }
    }

    public static EvolutionSettings defaults() {
        return new EvolutionSettings(10, 3, 0.15, 0.15);
    }
}
