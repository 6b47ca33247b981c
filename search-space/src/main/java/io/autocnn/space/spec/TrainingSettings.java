package io.autocnn.space.spec;

/**
 * How a candidate network is trained.
 *
 * @param batchSize    examples per gradient step
 * @param epochs       passes over the training set; fractions are allowed (1.5 = one pass and half of another)
 * @param learningRate step size of the optimizer
 * @param optimizer    update rule
 * @param weightDecay  L2 weight decay coefficient (0 = none)
 * @param seed         seeds weight initialisation, dropout and batch order, so a trial can be re-run exactly
 */
public record TrainingSettings(int batchSize, double epochs, double learningRate, Optimizer optimizer,
                               double weightDecay, long seed) {

    public TrainingSettings {
        if (optimizer == null) {
            optimizer = Optimizer.ADAM;
        }
    }

    public TrainingSettings withEpochs(double newEpochs) {
        return new TrainingSettings(batchSize, newEpochs, learningRate, optimizer, weightDecay, seed);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(newBatchSize, epochs, learningRate, optimizer, weightDecay, seed);
    }

    public TrainingSettings withLearningRate(double newLearningRate) {
        return new TrainingSettings(batchSize, epochs, newLearningRate, optimizer, weightDecay, seed);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(batchSize, epochs, learningRate, optimizer, weightDecay, newSeed);
    }
}
