package io.autocnn.coordinator.cli;

import io.autocnn.workers.data.DatasetSplit;
import io.autocnn.workers.train.TrainingData;

/** One-line descriptions the commands print before they start. */
final class Describe {

    private Describe() {
    }

    static String images(DatasetSplit split) {
        return split.train().size() + " train, " + split.validation().size() + " validation, " + split.test().size()
                + " test, " + split.train().shape();
    }

    static String images(TrainingData data) {
        return data.train().size() + " train, " + data.validation().size() + " validation, " + data.test().size()
                + " test, " + data.shape();
    }
}
