package io.autocnn.space.objective;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The non-dominated points of two objectives, both minimised (for example validation error and parameter count):
 * a point is on the front when no other point is at least as good in both and better in one.
 */
public final class ParetoFront {

    private ParetoFront() {
    }

    /** The front, ordered by the first objective (best first); ties on both objectives all stay. */
    public static <T> List<T> of(List<T> points, ToDoubleFunction<T> first, ToDoubleFunction<T> second) {
        List<T> sorted = new ArrayList<>(points);
        sorted.sort(Comparator.comparingDouble(first).thenComparingDouble(second));
        List<T> front = new ArrayList<>();
        double bestSecond = Double.POSITIVE_INFINITY;
        double previousFirst = Double.NaN;
        double previousSecond = Double.NaN;
        for (T point : sorted) {
            double a = first.applyAsDouble(point);
            double b = second.applyAsDouble(point);
            boolean tiesPrevious = a == previousFirst && b == previousSecond;
            if (b < bestSecond || tiesPrevious) {
                front.add(point);
                bestSecond = Math.min(bestSecond, b);
                previousFirst = a;
                previousSecond = b;
            }
        }
        return front;
    }
}
