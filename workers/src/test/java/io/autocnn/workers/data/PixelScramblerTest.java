package io.autocnn.workers.data;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

class PixelScramblerTest {

    @Test
    void oneFixedPermutationForEveryImageAndChannel() {
        LabeledImages images = FashionMnistFixture.train().first(50);
        PixelScrambler scrambler = new PixelScrambler(images.shape(), 42);
        LabeledImages scrambled = scrambler.apply(images);

        assertThat(scrambled.labels()).isEqualTo(images.labels());
        assertThat(scrambled.pixels()).isNotEqualTo(images.pixels());
        for (int i = 0; i < images.size(); i++) {
            assertThat(sortedPixels(scrambled, i)).isEqualTo(sortedPixels(images, i));
        }
        // Same seed: the same permutation, also for other images (test set scrambled like the training set).
        assertThat(new PixelScrambler(images.shape(), 42).apply(images).pixels()).isEqualTo(scrambled.pixels());
        assertThat(new PixelScrambler(images.shape(), 43).apply(images).pixels()).isNotEqualTo(scrambled.pixels());
        // A pixel position maps to the same new position in every image: find where image 0's pixel 0 went.
        LabeledImages marker = markerImages(images.shape());
        LabeledImages movedMarker = scrambler.apply(marker);
        int target = -1;
        for (int p = 0; p < 784; p++) {
            if (movedMarker.pixel(0, p) == 1) {
                target = p;
            }
        }
        for (int i = 0; i < images.size(); i++) {
            assertThat(scrambled.pixel(i, target)).isEqualTo(images.pixel(i, 0));
        }
    }

    private static LabeledImages markerImages(ImageShape shape) {
        byte[] pixels = new byte[shape.valuesPerImage()];
        pixels[0] = 1;
        return new LabeledImages(pixels, new int[]{0}, shape, java.util.List.of("x", "y"));
    }

    private static byte[] sortedPixels(LabeledImages images, int image) {
        int stride = images.shape().valuesPerImage();
        byte[] copy = Arrays.copyOfRange(images.pixels(), image * stride, (image + 1) * stride);
        Arrays.sort(copy);
        return copy;
    }
}
