package io.autocnn.bench;

import io.autocnn.workers.data.IdxDataset;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.train.TrainingData;

/** The data every training benchmark uses: a class-balanced sample of the real Fashion-MNIST training set. */
final class BenchData {

    private BenchData() {
    }

    /**
     * {@code images} training images (sample seed 1), of which {@code validationFraction} are held out for
     * validation (split seed 2); no test part.
     */
    static TrainingData fashionMnist(int images, double validationFraction) {
        return fashionMnist(images, validationFraction, 0);
    }

    /** As {@link #fashionMnist(int, double)}, with the first {@code testImages} of the test set as its test part. */
    static TrainingData fashionMnist(int images, double validationFraction, int testImages) {
        IdxDataset dataset = IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR);
        LabeledImages train = ValidationSplit.sample(dataset.train(), images, 1);
        ValidationSplit.Parts parts = ValidationSplit.carve(train, validationFraction, 2);
        return TrainingData.of(parts.train(), parts.validation(), testImages == 0 ? parts.validation().empty()
                : dataset.test().first(testImages));
    }
}
