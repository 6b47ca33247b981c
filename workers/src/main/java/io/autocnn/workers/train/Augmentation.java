package io.autocnn.workers.train;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.Serializable;
import java.util.SplittableRandom;

/**
 * Random changes to training images, made afresh for every batch and never to validation or test images. Seeded by
 * the batch, so the same trial sees the same images whether or not it was stopped and resumed in between.
 *
 * @param shift          each image moves by up to this many pixels in each direction, the border filled with 0
 *                       (the same as zero padding and a random crop); 0 = none
 * @param horizontalFlip each image is mirrored left to right with probability 1/2 (not for digits or text)
 * @param erasing        each image has, with probability 1/2, one rectangle of 2-20% of its area at a random place
 *                       and aspect ratio (1/3 to 3) set to 0 (random erasing, as "cutout")
 */
public record Augmentation(int shift, boolean horizontalFlip, boolean erasing) implements Serializable {

    public static final Augmentation NONE = new Augmentation(0, false, false);
    public static final int MAX_SHIFT = 8;

    public Augmentation {
        if (shift < 0 || shift > MAX_SHIFT) {
            throw new IllegalArgumentException("shift must be from 0 to " + MAX_SHIFT + " pixels, got " + shift);
        }
    }

    public boolean isNone() {
        return equals(NONE);
    }

    /** A changed copy of {@code images} (n x channels x height x width); {@code images} itself is left alone. */
    public INDArray apply(INDArray images, long seed) {
        long[] shape = images.shape();
        int n = (int) shape[0];
        int channels = (int) shape[1];
        int height = (int) shape[2];
        int width = (int) shape[3];
        float[] in = images.dup('c').data().asFloat();
        float[] out = new float[in.length];
        int plane = height * width;
        SplittableRandom random = new SplittableRandom(seed);
        for (int image = 0; image < n; image++) {
            int dy = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
            int dx = shift == 0 ? 0 : random.nextInt(-shift, shift + 1);
            boolean flip = horizontalFlip && random.nextBoolean();
            for (int c = 0; c < channels; c++) {
                int base = (image * channels + c) * plane;
                for (int y = 0; y < height; y++) {
                    int fromY = y + dy;
                    for (int x = 0; x < width; x++) {
                        int fromX = (flip ? width - 1 - x : x) + dx;
                        out[base + y * width + x] = fromY >= 0 && fromY < height && fromX >= 0 && fromX < width
                                ? in[base + fromY * width + fromX] : 0f;
                    }
                }
            }
            if (erasing && random.nextBoolean()) {
                erase(out, image, channels, height, width, random);
            }
        }
        return Nd4j.create(out, shape, 'c');
    }

    private static void erase(float[] pixels, int image, int channels, int height, int width,
                              SplittableRandom random) {
        double area = height * width * (0.02 + 0.18 * random.nextDouble());
        double aspect = Math.exp(Math.log(1.0 / 3) + random.nextDouble() * Math.log(9));
        int h = (int) Math.min(height, Math.max(1, Math.round(Math.sqrt(area * aspect))));
        int w = (int) Math.min(width, Math.max(1, Math.round(Math.sqrt(area / aspect))));
        int top = random.nextInt(height - h + 1);
        int left = random.nextInt(width - w + 1);
        for (int c = 0; c < channels; c++) {
            int base = (image * channels + c) * height * width;
            for (int y = top; y < top + h; y++) {
                java.util.Arrays.fill(pixels, base + y * width + left, base + y * width + left + w, 0f);
            }
        }
    }
}
