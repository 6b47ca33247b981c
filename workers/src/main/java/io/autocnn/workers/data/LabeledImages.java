package io.autocnn.workers.data;

import java.util.Arrays;
import java.util.List;

/**
 * Images and their class labels, held in memory as unsigned 8-bit pixel values, channels first per image.
 * Kept as bytes (a quarter of the memory of floats) and normalised to [0, 1] only when a trainer builds its arrays.
 *
 * @param pixels     {@code size() * shape.valuesPerImage()} unsigned bytes
 * @param labels     class index of each image, in [0, classNames.size())
 * @param shape      shape of every image
 * @param classNames human-readable class names, index = label
 */
public record LabeledImages(byte[] pixels, int[] labels, ImageShape shape, List<String> classNames) {

    public LabeledImages {
        classNames = List.copyOf(classNames);
        if ((long) labels.length * shape.valuesPerImage() != pixels.length) {
            throw new IllegalArgumentException("pixel buffer holds " + pixels.length + " values, expected "
                    + labels.length + " images x " + shape.valuesPerImage());
        }
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0 || labels[i] >= classNames.size()) {
                throw new IllegalArgumentException("label " + labels[i] + " of image " + i + " is outside [0, "
                        + classNames.size() + ")");
            }
        }
    }

    public int size() {
        return labels.length;
    }

    public int numClasses() {
        return classNames.size();
    }

    /** Unsigned pixel value (0..255) of image {@code image} at flat position {@code offset}. */
    public int pixel(int image, int offset) {
        return pixels[image * shape.valuesPerImage() + offset] & 0xFF;
    }

    /** The images at the given positions, in that order. */
    public LabeledImages select(int[] indices) {
        int stride = shape.valuesPerImage();
        byte[] selectedPixels = new byte[indices.length * stride];
        int[] selectedLabels = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(pixels, indices[i] * stride, selectedPixels, i * stride, stride);
            selectedLabels[i] = labels[indices[i]];
        }
        return new LabeledImages(selectedPixels, selectedLabels, shape, classNames);
    }

    /** The first {@code count} images (all of them when count exceeds the size). */
    public LabeledImages first(int count) {
        int n = Math.min(count, size());
        int[] indices = new int[n];
        Arrays.setAll(indices, i -> i);
        return select(indices);
    }

    /** Number of images of each class, index = label. */
    public int[] classCounts() {
        int[] counts = new int[numClasses()];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    /** An empty set with this set's shape and classes, for datasets that come without a test split. */
    public LabeledImages empty() {
        return new LabeledImages(new byte[0], new int[0], shape, classNames);
    }
}
