package io.autocnn.workers.data;

import io.autocnn.workers.train.TrainingData;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Everything needed to turn dataset files into a trial's train / validation / test arrays, as a small serializable
 * value: the coordinator ships it to Spark executors, which read the files themselves (from a path every worker can
 * read) instead of receiving the images with every task.
 *
 * @param dataset            a name from {@link DatasetCatalog#NAMES}
 * @param dataDirectory      where the files are; "" for the dataset's default location (fields are plain values
 *                           because {@code Optional} is not serializable)
 * @param folderShape        the size images of a {@code folder} dataset are resized to
 * @param limit              a class-balanced sample of this many training images (before the split); 0 for all
 * @param testLimit          a class-balanced sample of this many test images; 0 for all
 * @param validationFraction share of the training images held out for validation
 * @param scramble           apply one fixed pixel permutation to every part
 * @param scrambleSeed       seed of that permutation
 * @param splitSeed          fixes the samples and the validation split
 */
public record DataRecipe(String dataset, String dataDirectory, ImageShape folderShape, int limit, int testLimit,
                         double validationFraction, boolean scramble, long scrambleSeed, long splitSeed)
        implements Serializable {

    public DataRecipe {
        if (limit < 0 || testLimit < 0) {
            throw new IllegalArgumentException("image limits must not be negative, got " + limit + " and " + testLimit);
        }
        if (!(validationFraction > 0 && validationFraction < 1)) {
            throw new IllegalArgumentException("the validation fraction must lie strictly between 0 and 1, got "
                    + validationFraction);
        }
    }

    /** Opens the dataset's files (reading is lazy in most formats; errors name the file). */
    public ImageDataset open() {
        return DatasetCatalog.open(dataset,
                dataDirectory.isEmpty() ? Optional.empty() : Optional.of(Path.of(dataDirectory)), folderShape);
    }

    public TrainingData prepare() {
        return prepare(open());
    }

    /** Samples, scrambles and splits {@code source} into normalised arrays. */
    public TrainingData prepare(ImageDataset source) {
        return prepare(split(source));
    }

    /** Scrambles (when asked) and normalises a split this recipe made, here or on another machine. */
    public TrainingData prepare(DatasetSplit split) {
        return TrainingData.of(scramble ? split.scrambled(new PixelScrambler(split.train().shape(), scrambleSeed))
                : split);
    }

    /** The sampled images with the validation set carved out, still as bytes and not scrambled. */
    public DatasetSplit split(ImageDataset source) {
        // Sampled by the dataset itself: a folder of images decodes only the images the sample takes.
        LabeledImages train = limit > 0 ? source.trainSample(limit, splitSeed) : source.train();
        LabeledImages test = testLimit > 0 ? source.testSample(testLimit, splitSeed + 1) : source.test();
        // The carve depends on labels and seed only: it picks the same images whether or not they are scrambled.
        ValidationSplit.Parts parts = ValidationSplit.carve(train, validationFraction, splitSeed);
        return new DatasetSplit(parts.train(), parts.validation(), test);
    }
}
