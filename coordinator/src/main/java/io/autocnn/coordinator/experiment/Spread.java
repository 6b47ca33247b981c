package io.autocnn.coordinator.experiment;

import java.util.Arrays;

/**
 * The mean of independent runs' values and their sample standard deviation (n - 1: the spread one would expect of
 * another run; 0 for a single run).
 */
public record Spread(double mean, double sd) {

    public static Spread of(double... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("a spread needs at least one value");
        }
        double mean = Arrays.stream(values).average().orElseThrow();
        if (values.length < 2) {
            return new Spread(mean, 0);
        }
        double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
        return new Spread(mean, Math.sqrt(squares / (values.length - 1)));
    }
}
