package io.autocnn.workers.data;

import java.util.SplittableRandom;

/** Fisher-Yates shuffles driven by a {@link SplittableRandom}, so the same seed always gives the same order. */
public final class SeededPermutation {

    private SeededPermutation() {
    }

    /** A random ordering of 0..size-1. */
    public static int[] of(int size, long seed) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        shuffle(order, new SplittableRandom(seed));
        return order;
    }

    public static void shuffle(int[] values, SplittableRandom random) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = values[i];
            values[i] = values[j];
            values[j] = swap;
        }
    }
}
