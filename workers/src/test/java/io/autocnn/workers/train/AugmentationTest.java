package io.autocnn.workers.train;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AugmentationTest {

    private static final int N = 64;
    private static final int SIDE = 12;

    /** Distinct positive values everywhere, so every moved, mirrored or erased pixel can be traced. */
    private static INDArray images() {
        float[] values = new float[N * 2 * SIDE * SIDE];
        for (int i = 0; i < values.length; i++) {
            values[i] = i + 1;
        }
        return Nd4j.create(values, new long[] {N, 2, SIDE, SIDE}, 'c');
    }

    private static float at(INDArray images, int n, int c, int y, int x) {
        return images.getFloat(n, c, y, x);
    }

    @Test
    void theSameSeedGivesTheSameBatchAndTheInputIsLeftAlone() {
        INDArray input = images();
        INDArray copy = input.dup();
        Augmentation all = new Augmentation(3, true, true);
        assertThat(all.apply(input, 7)).isEqualTo(all.apply(input, 7));
        assertThat(all.apply(input, 7)).isNotEqualTo(all.apply(input, 8));
        assertThat(input).isEqualTo(copy);
        assertThat(Augmentation.NONE.apply(input, 7)).isEqualTo(input);
    }

    @Test
    void aShiftMovesEveryChannelOfAnImageByOneOffsetWithinTheBoundFillingTheBorderWithZero() {
        INDArray input = images();
        INDArray shifted = new Augmentation(2, false, false).apply(input, 3);
        int moved = 0;
        for (int n = 0; n < N; n++) {
            int[] offset = offsetOf(input, shifted, n);
            assertThat(Math.abs(offset[0])).isLessThanOrEqualTo(2);
            assertThat(Math.abs(offset[1])).isLessThanOrEqualTo(2);
            moved += offset[0] != 0 || offset[1] != 0 ? 1 : 0;
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        int fy = y + offset[0];
                        int fx = x + offset[1];
                        float expected = fy >= 0 && fy < SIDE && fx >= 0 && fx < SIDE ? at(input, n, c, fy, fx) : 0f;
                        assertThat(at(shifted, n, c, y, x)).isEqualTo(expected);
                    }
                }
            }
        }
        assertThat(moved).as("images moved at all").isGreaterThan(N / 2);
    }

    /** The (dy, dx) that maps the shifted image's centre pixel back to the input. */
    private static int[] offsetOf(INDArray input, INDArray shifted, int n) {
        float centre = at(shifted, n, 0, SIDE / 2, SIDE / 2);
        for (int dy = -2; dy <= 2; dy++) {
            for (int dx = -2; dx <= 2; dx++) {
                if (at(input, n, 0, SIDE / 2 + dy, SIDE / 2 + dx) == centre) {
                    return new int[] {dy, dx};
                }
            }
        }
        throw new AssertionError("image " + n + "'s centre came from nowhere near it");
    }

    @Test
    void aFlipMirrorsAboutHalfOfTheImagesAndLeavesTheRest() {
        INDArray input = images();
        INDArray flipped = new Augmentation(0, true, false).apply(input, 11);
        int mirrored = 0;
        for (int n = 0; n < N; n++) {
            boolean same = true;
            boolean mirror = true;
            for (int c = 0; c < 2; c++) {
                for (int y = 0; y < SIDE; y++) {
                    for (int x = 0; x < SIDE; x++) {
                        same &= at(flipped, n, c, y, x) == at(input, n, c, y, x);
                        mirror &= at(flipped, n, c, y, x) == at(input, n, c, y, SIDE - 1 - x);
                    }
                }
            }
            assertThat(same || mirror).as("image " + n).isTrue();
            mirrored += mirror ? 1 : 0;
        }
        assertThat(mirrored).isBetween(N / 4, 3 * N / 4);
    }

    @Test
    void erasingZeroesOneRectangleOfTwoToTwentyPercentInAboutHalfOfTheImages() {
        INDArray input = images();
        INDArray erased = new Augmentation(0, false, true).apply(input, 5);
        int touched = 0;
        for (int n = 0; n < N; n++) {
            int zeros = 0;
            for (int y = 0; y < SIDE; y++) {
                for (int x = 0; x < SIDE; x++) {
                    float value = at(erased, n, 0, y, x);
                    assertThat(value == 0f || value == at(input, n, 0, y, x)).isTrue();
                    assertThat(at(erased, n, 1, y, x) == 0f).as("both channels alike").isEqualTo(value == 0f);
                    zeros += value == 0f ? 1 : 0;
                }
            }
            if (zeros > 0) {
                touched++;
                assertThat(zeros).isBetween(1, (int) Math.ceil(0.2 * SIDE * SIDE) + SIDE);
            }
        }
        assertThat(touched).isBetween(N / 4, 3 * N / 4);
    }

    @Test
    void aShiftBeyondTheBoundIsRefused() {
        assertThatThrownBy(() -> new Augmentation(9, false, false)).hasMessageContaining("from 0 to 8");
    }
}
