package io.autocnn.workers.train;

import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.LabeledImages;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

import java.util.List;

/**
 * The three parts of a dataset as normalised in-memory ND4J arrays, built once and shared by every epoch: one
 * {@code [images, channels*height*width]} float matrix per part, scaled to [0, 1], plus one-hot labels.
 * Minibatches are gathered rows of it, reshaped to NCHW, which avoids a per-epoch iterator pipeline.
 */
public final class TrainingData {

    /** One part (train, validation or test). */
    public record Part(INDArray features, INDArray oneHotLabels, int[] labels) {

        public int size() {
            return labels.length;
        }

        /** The memory its arrays take (features and one-hot labels as floats, labels as ints). */
        long bytes() {
            return (features.length() + oneHotLabels.length()) * Float.BYTES + (long) labels.length * Integer.BYTES;
        }

        /** Rows {@code from} (inclusive) to {@code to} (exclusive), reshaped to NCHW. */
        INDArray featureRows(int from, int to, ImageShape shape) {
            INDArray rows = features.get(NDArrayIndex.interval(from, to), NDArrayIndex.all());
            return rows.reshape('c', to - from, shape.channels(), shape.height(), shape.width());
        }
    }

    private final Part train;
    private final Part validation;
    private final Part test;
    private final ImageShape shape;
    private final List<String> classNames;

    private TrainingData(Part train, Part validation, Part test, ImageShape shape, List<String> classNames) {
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.shape = shape;
        this.classNames = classNames;
    }

    /** Converts the three parts; they must agree on image shape and classes. {@code test} may be empty. */
    public static TrainingData of(LabeledImages train, LabeledImages validation, LabeledImages test) {
        for (LabeledImages other : List.of(validation, test)) {
            if (!other.shape().equals(train.shape()) || !other.classNames().equals(train.classNames())) {
                throw new IllegalArgumentException("all parts of a dataset must share image shape and classes: "
                        + train.shape() + " " + train.classNames() + " vs " + other.shape() + " " + other.classNames());
            }
        }
        if (train.size() == 0 || validation.size() == 0) {
            throw new IllegalArgumentException("training and validation parts must not be empty (train "
                    + train.size() + ", validation " + validation.size() + ")");
        }
        return new TrainingData(part(train), part(validation), part(test), train.shape(), train.classNames());
    }

    public static TrainingData of(DatasetSplit split) {
        return of(split.train(), split.validation(), split.test());
    }

    /** Pixel bytes as the network sees them: 0 to 1. */
    static float[] scaled(byte[] pixels) {
        float[] scaled = new float[pixels.length];
        for (int i = 0; i < scaled.length; i++) {
            scaled[i] = (pixels[i] & 0xFF) / 255f;
        }
        return scaled;
    }

    private static Part part(LabeledImages images) {
        int values = images.shape().valuesPerImage();
        float[] scaled = scaled(images.pixels());
        int classes = images.numClasses();
        float[] oneHot = new float[images.size() * classes];
        for (int i = 0; i < images.size(); i++) {
            oneHot[i * classes + images.labels()[i]] = 1f;
        }
        INDArray features = Nd4j.create(scaled, new long[]{images.size(), values}, 'c');
        INDArray labels = Nd4j.create(oneHot, new long[]{images.size(), classes}, 'c');
        return new Part(features, labels, images.labels().clone());
    }

    /**
     * The same data with the validation images added to the training part (a model's final training, once nothing
     * is left to choose); the validation part stays, now only as a measure of fit.
     */
    public TrainingData withValidationInTraining() {
        int[] labels = new int[train.size() + validation.size()];
        System.arraycopy(train.labels(), 0, labels, 0, train.size());
        System.arraycopy(validation.labels(), 0, labels, train.size(), validation.size());
        Part merged = new Part(Nd4j.concat(0, train.features(), validation.features()),
                Nd4j.concat(0, train.oneHotLabels(), validation.oneHotLabels()), labels);
        return new TrainingData(merged, validation, test, shape, classNames);
    }

    public Part train() {
        return train;
    }

    public Part validation() {
        return validation;
    }

    public Part test() {
        return test;
    }

    public ImageShape shape() {
        return shape;
    }

    public List<String> classNames() {
        return classNames;
    }

    /** The memory the three parts take: what a cache of prepared datasets counts. */
    public long bytes() {
        return train.bytes() + validation.bytes() + test.bytes();
    }

    public int numClasses() {
        return classNames.size();
    }
}
