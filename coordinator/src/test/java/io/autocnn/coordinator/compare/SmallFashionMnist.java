package io.autocnn.coordinator.compare;

import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.train.TrainingData;

/** Small real data for the comparison's training tests: 600 Fashion-MNIST images (a fifth held out), 200 test. */
final class SmallFashionMnist {

    private SmallFashionMnist() {
    }

    static TrainingData prepare() {
        return new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), 600, 200, 0.2, false, 0, 5).prepare();
    }
}
