package io.autocnn.space.objective;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ParetoRankingTest {

    private static int rank(double key) {
        return (int) Math.floor(key);
    }

    @Test
    void theFrontComesFirstItsEndsBeforeItsMiddleThenTheNextFront() {
        double[] error = {0.1, 0.2, 0.3, 0.2, 0.4};
        double[] size = {5, 3, 1, 5, 4};
        double[] keys = ParetoRanking.orderKeys(error, size);
        // (0.1, 5), (0.2, 3), (0.3, 1) are the front; (0.2, 5) and (0.4, 4) are dominated.
        assertThat(new int[] {rank(keys[0]), rank(keys[1]), rank(keys[2]), rank(keys[3]), rank(keys[4])})
                .containsExactly(0, 0, 0, 1, 1);
        // The front's two ends are infinitely isolated and come before its middle point.
        assertThat(keys[0]).isLessThan(keys[1]);
        assertThat(keys[2]).isLessThan(keys[1]);
        assertThat(keys[1]).isLessThan(1);
    }

    @Test
    void aSmallNetworkWithFairErrorOutranksABigOneThatIsBarelyBetterOnlyWhenItIsNotDominated() {
        double[] keys = ParetoRanking.orderKeys(new double[] {0.10, 0.11, 0.12}, new double[] {6.0, 4.0, 6.5});
        assertThat(rank(keys[1])).isZero();
        assertThat(rank(keys[0])).isZero();
        assertThat(rank(keys[2])).isEqualTo(1);
    }

    @Test
    void equalPointsShareARankAndAPointWithNaNComesAfterAllOthers() {
        double[] keys = ParetoRanking.orderKeys(new double[] {0.2, 0.2, Double.NaN, 0.1},
                new double[] {3, 3, 1, 9});
        assertThat(rank(keys[0])).isEqualTo(rank(keys[1])).isZero();
        assertThat(rank(keys[3])).isZero();
        assertThat(rank(keys[2])).isEqualTo(1);
    }

    @Test
    void ranksAreThoseOfPeelingNonDominatedFrontsOneByOne() {
        Random random = new Random(7);
        for (int round = 0; round < 20; round++) {
            int n = 1 + random.nextInt(200);
            double[] a = new double[n];
            double[] b = new double[n];
            for (int i = 0; i < n; i++) {
                // Coarse values, so ties in one or both objectives occur.
                a[i] = random.nextInt(20);
                b[i] = random.nextInt(20);
            }
            double[] keys = ParetoRanking.orderKeys(a, b);
            int[] expected = peeled(a, b);
            for (int i = 0; i < n; i++) {
                assertThat(rank(keys[i])).as("point %d of %d", i, n).isEqualTo(expected[i]);
            }
        }
    }

    /** The definition: rank 0 is the non-dominated set, rank 1 the non-dominated set of the rest, and so on. */
    private static int[] peeled(double[] a, double[] b) {
        int n = a.length;
        int[] rank = new int[n];
        java.util.Arrays.fill(rank, -1);
        int assigned = 0;
        for (int current = 0; assigned < n; current++) {
            boolean[] inFront = new boolean[n];
            for (int i = 0; i < n; i++) {
                if (rank[i] >= 0) {
                    continue;
                }
                boolean dominated = false;
                for (int j = 0; j < n && !dominated; j++) {
                    dominated = j != i && rank[j] < 0 && a[j] <= a[i] && b[j] <= b[i] && (a[j] < a[i] || b[j] < b[i]);
                }
                inFront[i] = !dominated;
            }
            for (int i = 0; i < n; i++) {
                if (inFront[i]) {
                    rank[i] = current;
                    assigned++;
                }
            }
        }
        return rank;
    }
}
