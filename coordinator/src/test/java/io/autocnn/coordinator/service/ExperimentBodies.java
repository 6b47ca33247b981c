package io.autocnn.coordinator.service;

/** Create-experiment bodies of small real experiments: tiny networks on a few hundred Fashion-MNIST images. */
final class ExperimentBodies {

    static final String SPACE = """
            {"convBlocks": {"depth": 1, "filters": {"choices": [2, 4]}, "kernelSize": {"choices": [3, 5]},
                            "pooling": "MAX"},
             "training": {"batchSize": 32, "epochs": %s, "learningRate": {"min": 0.002, "max": 0.02, "log": true}}}
            """;

    private ExperimentBodies() {
    }

    /** Random sampler and FIFO, so trial i's specification depends only on the seed and i. */
    static String tiny(int trials, double epochs, long seed) {
        return tiny(trials, epochs, seed, 600, "fifo");
    }

    /** As {@link #tiny(int, double, long)} on {@code images} training images, under {@code scheduler}. */
    static String tiny(int trials, double epochs, long seed, int images, String scheduler) {
        return """
                {"name": "tiny", "space": %s,
                 "dataset": {"name": "fashion-mnist", "limit": %d, "testLimit": 100, "validationFraction": 0.2},
                 "sampler": "random", "scheduler": "%s", "rungs": 3,
                 "budget": {"maxTrials": %d, "maxWallTimeSeconds": 600, "maxConcurrent": 1, "maxFailedTrials": 2},
                 "seed": %d}
                """.formatted(SPACE.formatted(epochs), images, scheduler, trials, seed);
    }
}
