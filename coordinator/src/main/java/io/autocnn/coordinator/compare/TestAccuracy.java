package io.autocnn.coordinator.compare;

import io.autocnn.workers.train.Checkpoint;
import io.autocnn.workers.train.ErrorRate;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test accuracy of a saved model: the chosen checkpoint is loaded again and measured as the trainer measures. */
final class TestAccuracy {

    private TestAccuracy() {
    }

    static double of(Path checkpoint, TrainingData data) throws IOException {
        if (!Files.isRegularFile(checkpoint)) {
            throw new IOException(checkpoint + ": the chosen model's checkpoint is missing");
        }
        return 1 - ErrorRate.onTestSet(Checkpoint.read(checkpoint).network(), data, RunnerOptions.defaults());
    }
}
