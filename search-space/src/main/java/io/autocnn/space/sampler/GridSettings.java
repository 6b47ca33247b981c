package io.autocnn.space.sampler;

/**
 * Settings of the grid sampler.
 *
 * @param limit the largest grid accepted: a grid that could never be finished is a mistake in the space file
 */
public record GridSettings(long limit) {

    public static final long DEFAULT_LIMIT = 100_000;

    public GridSettings {
        if (limit < 1) {
            throw new IllegalArgumentException("grid limit must be at least 1, found " + limit);
        }
    }

    public static GridSettings defaults() {
        return new GridSettings(DEFAULT_LIMIT);
    }
}
