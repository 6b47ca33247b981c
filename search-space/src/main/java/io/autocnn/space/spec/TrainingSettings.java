package io.autocnn.space.spec;

/**
 * How a candidate network is trained.
 *
 * @param batchSize      examples per gradient step
 * @param epochs         passes over the training set; fractions are allowed (1.5 = one pass and half of another)
 * @param learningRate   step size of the optimizer (its peak, under a schedule)
 * @param optimizer      update rule
 * @param weightDecay    weight decay coefficient (0 = none), decoupled from the gradient: DL4J applies it after
 *                       the optimizer's update, so ADAM with weight decay is AdamW
 * @param seed           seeds weight initialisation, dropout and batch order, so a trial can be re-run exactly
 * @param schedule       how the learning rate changes over the epochs; optional in JSON (CONSTANT)
 * @param warmupEpochs   epochs of linear warm-up before the schedule (0 = none); optional in JSON
 * @param labelSmoothing share of each label's probability spread evenly over all classes (0 = none); optional
 */
public record TrainingSettings(int batchSize, double epochs, double learningRate, Optimizer optimizer,
                               double weightDecay, long seed, @OptionalInJson LearningRateSchedule schedule,
                               @OptionalInJson double warmupEpochs, @OptionalInJson double labelSmoothing) {

    public TrainingSettings {
        if (optimizer == null) {
            optimizer = Optimizer.ADAM;
        }
        if (schedule == null) {
            schedule = LearningRateSchedule.CONSTANT;
        }
    }

    /** Constant learning rate, no warm-up, no label smoothing. */
    public TrainingSettings(int batchSize, double epochs, double learningRate, Optimizer optimizer, double weightDecay,
                            long seed) {
        this(batchSize, epochs, learningRate, optimizer, weightDecay, seed, LearningRateSchedule.CONSTANT, 0.0, 0.0);
    }

    public TrainingSettings withEpochs(double newEpochs) {
        return new TrainingSettings(batchSize, newEpochs, learningRate, optimizer, weightDecay, seed, schedule,
                warmupEpochs, labelSmoothing);
    }

    public TrainingSettings withBatchSize(int newBatchSize) {
        return new TrainingSettings(newBatchSize, epochs, learningRate, optimizer, weightDecay, seed, schedule,
                warmupEpochs, labelSmoothing);
    }

    public TrainingSettings withLearningRate(double newLearningRate) {
        return new TrainingSettings(batchSize, epochs, newLearningRate, optimizer, weightDecay, seed, schedule,
                warmupEpochs, labelSmoothing);
    }

    public TrainingSettings withSeed(long newSeed) {
        return new TrainingSettings(batchSize, epochs, learningRate, optimizer, weightDecay, newSeed, schedule,
                warmupEpochs, labelSmoothing);
    }

    public TrainingSettings withSchedule(LearningRateSchedule newSchedule, double newWarmupEpochs) {
        return new TrainingSettings(batchSize, epochs, learningRate, optimizer, weightDecay, seed, newSchedule,
                newWarmupEpochs, labelSmoothing);
    }

    public TrainingSettings withLabelSmoothing(double newLabelSmoothing) {
        return new TrainingSettings(batchSize, epochs, learningRate, optimizer, weightDecay, seed, schedule,
                warmupEpochs, newLabelSmoothing);
    }
}
