package io.autocnn.coordinator.dispatch;

import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialKey;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.train.RunnerOptions;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Small real trials for dispatch tests: tiny networks on 600 real Fashion-MNIST images, well under a second an epoch. */
final class TinyTrials {

    static final RunnerOptions MEASURING = new RunnerOptions(200, 500);
    static final String EXPERIMENT = "tiny-trials";

    private TinyTrials() {
    }

    /** 600 training images (480 to train, 120 to validate) and 100 test images, read on the executor. */
    static DataRecipe fashionMnist() {
        return new DataRecipe("fashion-mnist", "", new ImageShape(1, 28, 28), 600, 100, 0.2, false, 0, 11);
    }

    static SearchSpace space() {
        return SpaceFile.parse("""
                convBlocks:
                  depth: 1
                  filters: {choices: [2, 4]}
                  kernelSize: {choices: [3, 5]}
                  pooling: MAX
                training:
                  batchSize: 32
                  epochs: 1
                  learningRate: {min: 0.002, max: 0.02, log: true}
                """, "tiny-space.yaml", true);
    }

    /** One 4-filter convolution and the classifier: trains 480 images in a fraction of a second. */
    static TrialSpec spec(double epochs) {
        return TrialSpecJson.read("""
                {"convBlocks": [{"filters": 4, "kernelSize": 3, "stride": 1, "padding": "SAME", "activation": "RELU",
                                 "pooling": {"type": "MAX", "size": 2, "stride": 2}}],
                 "denseLayers": [],
                 "training": {"batchSize": 32, "epochs": %s, "learningRate": 0.005, "optimizer": "ADAM",
                              "weightDecay": 0.0, "seed": 5}}
                """.formatted(epochs), "tiny spec");
    }

    /** Trial {@code index} of the tests' own experiment. */
    static TrialKey key(int index) {
        return new TrialKey(EXPERIMENT, index);
    }

    static TrialTask task(int index, double epochs, Path dir) {
        return new TrialTask(key(index), spec(epochs), false, dir.resolve("trial-" + index + ".zip"),
                Optional.of(Duration.ofMinutes(5)));
    }
}
