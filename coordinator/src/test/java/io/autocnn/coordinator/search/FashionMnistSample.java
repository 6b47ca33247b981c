package io.autocnn.coordinator.search;

import io.autocnn.workers.data.IdxDataset;
import io.autocnn.workers.data.LabeledImages;
import io.autocnn.workers.data.ValidationSplit;
import io.autocnn.workers.train.TrainingData;

/** Small real data for search tests: a class-balanced Fashion-MNIST sample, a quarter held out for validation. */
final class FashionMnistSample {

    private FashionMnistSample() {
    }

    static TrainingData of(int images) {
        LabeledImages train = ValidationSplit.sample(
                IdxDataset.fashionMnist(IdxDataset.FASHION_MNIST_DEFAULT_DIR).train(), images, 5);
        ValidationSplit.Parts parts = ValidationSplit.carve(train, 0.25, 6);
        return TrainingData.of(parts.train(), parts.validation(), parts.validation().empty());
    }
}
