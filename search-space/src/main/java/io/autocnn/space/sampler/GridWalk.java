package io.autocnn.space.sampler;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.ParameterChooser;
import io.autocnn.space.definition.SearchSpace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Enumerates a discrete, conditional space by replaying its define-by-run walk, like an odometer. A point is the
 * sequence of choice indices the walk made; which keys the walk asks for depends on earlier choices (a deeper
 * network asks for more layers, a condition switches a parameter on), so the points cannot be a fixed product of
 * axes. Instead the next point is found from the last one: increment the last choice that has a next value, drop
 * every choice after it (they may not exist any more) and walk again, taking the first value of every choice not
 * yet made. This visits every leaf of the choice tree exactly once, in lexicographic order.
 */
final class GridWalk {

    /**
     * One walk: the index taken at each choice and how many values that choice had.
     *
     * @param path    index of the value taken, per choice in walk order
     * @param radices number of values of each choice
     */
    record Point(int[] path, int[] radices) {
    }

    private GridWalk() {
    }

    /** The first point of the space. */
    static Point first(SearchSpace space) {
        return walk(space, new int[0]);
    }

    /** The point after {@code point}, or empty when it was the last. */
    static Optional<Point> next(SearchSpace space, Point point) {
        int[] path = point.path();
        for (int k = path.length - 1; k >= 0; k--) {
            if (path[k] + 1 < point.radices()[k]) {
                int[] prefix = Arrays.copyOf(path, k + 1);
                prefix[k]++;
                return Optional.of(walk(space, prefix));
            }
        }
        return Optional.empty();
    }

    /** A chooser that takes the values of {@code path} in order: builds the candidate of a point. */
    static ParameterChooser replay(int[] path) {
        int[] next = {0};
        return (key, domain) -> value(domain, next[0] < path.length ? path[next[0]++] : 0);
    }

    /** Counts the points of {@code space}, stopping at {@code cap}. */
    static long count(SearchSpace space, long cap) {
        long count = 1;
        Optional<Point> point = Optional.of(first(space));
        while (count < cap && (point = next(space, point.get())).isPresent()) {
            count++;
        }
        return count;
    }

    /** How many values a grid takes for one key; a continuous range has no grid. */
    static int radix(String key, Domain domain) {
        if (domain instanceof Domain.IntRange range) {
            return range.size();
        }
        if (domain instanceof Domain.Categorical categorical) {
            return categorical.choices().size();
        }
        if (domain instanceof Domain.FloatRange range && range.min() < range.max()) {
            throw continuous(key);
        }
        return 1;
    }

    static IllegalArgumentException continuous(String keys) {
        boolean several = keys.contains(",");
        return new IllegalArgumentException(keys + (several ? " are continuous ranges" : " is a continuous range")
                + "; grid search needs choices (for example {choices: [0.001, 0.003, 0.01]})");
    }

    private static Point walk(SearchSpace space, int[] prefix) {
        List<Integer> path = new ArrayList<>();
        List<Integer> radices = new ArrayList<>();
        space.sample((key, domain) -> {
            int k = path.size();
            int index = k < prefix.length ? prefix[k] : 0;
            path.add(index);
            radices.add(radix(key, domain));
            return value(domain, index);
        }, 0);
        return new Point(path.stream().mapToInt(Integer::intValue).toArray(),
                radices.stream().mapToInt(Integer::intValue).toArray());
    }

    private static Object value(Domain domain, int index) {
        if (domain instanceof Domain.IntRange range) {
            return range.min() + index;
        }
        if (domain instanceof Domain.Categorical categorical) {
            return categorical.choices().get(index);
        }
        if (domain instanceof Domain.FloatRange range) {
            return range.min();
        }
        return ((Domain.Fixed) domain).value();
    }
}
