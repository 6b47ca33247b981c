package io.autocnn.space.objective;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * NSGA-II's crowded-comparison order of points with two objectives, both minimised (Deb et al., 2002): first by
 * non-dominated rank (0 for the Pareto front, 1 for the front of what remains, ...), then, within a rank, the more
 * isolated point first (the larger crowding distance; a front's two ends count as infinitely isolated), so an order
 * that keeps the first points keeps both the front and its spread. Ties go to the lower input position.
 *
 * <p>The order is given as one key per point, {@code rank + position / size} with the position inside its rank, so a
 * caller that sorts by one number (a sampler's objective, a rung's ranking) follows it. Ranks are found in
 * O(n log n): points taken by the first objective, each goes to the first front none of whose points dominates it.
 */
public final class ParetoRanking {

    private ParetoRanking() {
    }

    /**
     * The order keys of points ({@code first[i]}, {@code second[i]}); lower is better. A point with NaN in either
     * (a failed trial) comes after all others: infinitely bad in one objective, it could still be on the front.
     */
    public static double[] orderKeys(double[] first, double[] second) {
        if (first.length != second.length) {
            throw new IllegalArgumentException("both objectives need a value per point: " + first.length + " and "
                    + second.length);
        }
        int n = first.length;
        double[] a = first;
        double[] b = second;
        Integer[] byFirst = java.util.stream.IntStream.range(0, n)
                .filter(i -> !Double.isNaN(a[i]) && !Double.isNaN(b[i])).boxed().toArray(Integer[]::new);
        Arrays.sort(byFirst, Comparator.<Integer>comparingDouble(i -> a[i]).thenComparingDouble(i -> b[i])
                .thenComparingInt(i -> i));
        // fronts.get(k): its points in increasing first objective (so decreasing second).
        List<List<Integer>> fronts = new ArrayList<>();
        for (int point : byFirst) {
            fronts.get(frontOf(point, fronts, a, b)).add(point);
        }
        double[] keys = new double[n];
        Arrays.fill(keys, fronts.size());
        for (int rank = 0; rank < fronts.size(); rank++) {
            List<Integer> front = fronts.get(rank);
            double[] crowding = crowding(front, a, b);
            Integer[] order = new Integer[front.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, Comparator.<Integer>comparingDouble(i -> -crowding[i])
                    .thenComparingInt(front::get));
            for (int position = 0; position < order.length; position++) {
                keys[front.get(order[position])] = rank + (double) position / order.length;
            }
        }
        return keys;
    }

    /**
     * The first front that nothing in dominates {@code point}, opening a new one if every front does. The fronts'
     * last (lowest second-objective) points rise with the rank, so a binary search finds it.
     */
    private static int frontOf(int point, List<List<Integer>> fronts, double[] a, double[] b) {
        int low = 0;
        int high = fronts.size();
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (dominatedBy(point, last(fronts.get(middle)), a, b)) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        if (low == fronts.size()) {
            fronts.add(new ArrayList<>());
        }
        return low;
    }

    private static int last(List<Integer> front) {
        return front.get(front.size() - 1);
    }

    /**
     * Whether the front whose last point is {@code last} (taken before {@code point}, so not worse in the first
     * objective) dominates {@code point}: its last point has the front's lowest second objective, so it decides.
     */
    private static boolean dominatedBy(int point, int last, double[] a, double[] b) {
        boolean same = a[last] == a[point] && b[last] == b[point];
        return !same && b[last] <= b[point];
    }

    /** Each point's crowding distance in its front, both objectives scaled by the front's range. */
    private static double[] crowding(List<Integer> front, double[] a, double[] b) {
        int size = front.size();
        double[] distance = new double[size];
        if (size <= 2) {
            Arrays.fill(distance, Double.POSITIVE_INFINITY);
            return distance;
        }
        distance[0] = Double.POSITIVE_INFINITY;
        distance[size - 1] = Double.POSITIVE_INFINITY;
        double rangeA = a[front.get(size - 1)] - a[front.get(0)];
        double rangeB = b[front.get(0)] - b[front.get(size - 1)];
        for (int i = 1; i < size - 1; i++) {
            double spanA = a[front.get(i + 1)] - a[front.get(i - 1)];
            double spanB = b[front.get(i - 1)] - b[front.get(i + 1)];
            distance[i] = (rangeA > 0 ? spanA / rangeA : 0) + (rangeB > 0 ? spanB / rangeB : 0);
        }
        return distance;
    }
}
