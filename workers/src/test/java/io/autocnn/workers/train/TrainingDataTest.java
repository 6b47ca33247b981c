package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.LabeledImages;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TrainingDataTest {

    private static final ImageShape SHAPE = new ImageShape(1, 2, 2);
    private static final List<String> CLASSES = List.of("a", "b");

    /** {@code count} images, image i filled with the value {@code first + i}, labelled {@code i % 2}. */
    private static LabeledImages images(int count, int first) {
        byte[] pixels = new byte[count * 4];
        int[] labels = new int[count];
        for (int i = 0; i < count; i++) {
            java.util.Arrays.fill(pixels, i * 4, i * 4 + 4, (byte) (first + i));
            labels[i] = i % 2;
        }
        return new LabeledImages(pixels, labels, SHAPE, CLASSES);
    }

    @Test
    void withValidationInTrainingAppendsTheValidationImagesAndKeepsTheOtherParts() {
        TrainingData data = TrainingData.of(images(3, 10), images(2, 50), images(1, 90));
        TrainingData all = data.withValidationInTraining();
        assertThat(all.train().size()).isEqualTo(5);
        assertThat(all.train().labels()).containsExactly(0, 1, 0, 0, 1);
        assertThat(all.train().features().getFloat(3, 0)).isEqualTo(50 / 255f);
        assertThat(all.train().oneHotLabels().getFloat(4, 1)).isEqualTo(1f);
        assertThat(all.validation().size()).isEqualTo(2);
        assertThat(all.test().size()).isEqualTo(1);
        assertThat(data.train().size()).as("the original is left alone").isEqualTo(3);
    }
}
