package io.autocnn.workers.model;

import io.autocnn.space.spec.LearningRateCurve;
import io.autocnn.space.spec.LearningRateSchedule;
import io.autocnn.space.spec.TrainingSettings;
import org.nd4j.linalg.schedule.ISchedule;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

import java.util.Objects;

/**
 * A trial's {@link LearningRateCurve} as DL4J's updaters ask for it: by iteration, each a step within an epoch of
 * {@code batchesPerEpoch}, the curve starting at iteration {@code startIteration}. Saved with the model (DL4J writes
 * schedules into its configuration JSON), so a trial resumed from its checkpoint continues the same curve.
 */
public final class ScheduledLearningRate implements ISchedule {

    private final LearningRateSchedule schedule;
    private final double learningRate;
    private final double epochs;
    private final double warmupEpochs;
    private final int batchesPerEpoch;
    private final int startIteration;
    /** The same values as the curve {@link LearningRateCurve} reads, made once: DL4J asks every layer every step. */
    @JsonIgnore
    private final TrainingSettings curve;

    ScheduledLearningRate(@JsonProperty("schedule") LearningRateSchedule schedule,
                          @JsonProperty("learningRate") double learningRate, @JsonProperty("epochs") double epochs,
                          @JsonProperty("warmupEpochs") double warmupEpochs,
                          @JsonProperty("batchesPerEpoch") int batchesPerEpoch,
                          @JsonProperty("startIteration") int startIteration) {
        if (batchesPerEpoch < 1) {
            throw new IllegalArgumentException("an epoch has at least one batch, got " + batchesPerEpoch);
        }
        this.schedule = schedule;
        this.learningRate = learningRate;
        this.epochs = epochs;
        this.warmupEpochs = warmupEpochs;
        this.batchesPerEpoch = batchesPerEpoch;
        this.startIteration = startIteration;
        this.curve = new TrainingSettings(1, epochs, learningRate, null, 0, 0, schedule, warmupEpochs, 0);
    }

    static ScheduledLearningRate of(TrainingSettings training, int batchesPerEpoch) {
        return startingAt(training, batchesPerEpoch, 0);
    }

    /** {@code curve} from iteration {@code startIteration} on: a new curve for a network that has trained already. */
    public static ScheduledLearningRate startingAt(TrainingSettings curve, int batchesPerEpoch, int startIteration) {
        return new ScheduledLearningRate(curve.schedule(), curve.learningRate(), curve.epochs(), curve.warmupEpochs(),
                batchesPerEpoch, startIteration);
    }

    @Override
    public double valueAt(int iteration, int epoch) {
        return LearningRateCurve.rateAt(curve, (double) Math.max(0, iteration - startIteration) / batchesPerEpoch);
    }

    @Override
    public ISchedule clone() {
        return new ScheduledLearningRate(schedule, learningRate, epochs, warmupEpochs, batchesPerEpoch, startIteration);
    }

    @JsonProperty("schedule")
    public LearningRateSchedule getSchedule() {
        return schedule;
    }

    @JsonProperty("learningRate")
    public double getLearningRate() {
        return learningRate;
    }

    @JsonProperty("epochs")
    public double getEpochs() {
        return epochs;
    }

    @JsonProperty("warmupEpochs")
    public double getWarmupEpochs() {
        return warmupEpochs;
    }

    @JsonProperty("batchesPerEpoch")
    public int getBatchesPerEpoch() {
        return batchesPerEpoch;
    }

    @JsonProperty("startIteration")
    public int getStartIteration() {
        return startIteration;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ScheduledLearningRate that && schedule == that.schedule
                && learningRate == that.learningRate && epochs == that.epochs && warmupEpochs == that.warmupEpochs
                && batchesPerEpoch == that.batchesPerEpoch && startIteration == that.startIteration;
    }

    @Override
    public int hashCode() {
        return Objects.hash(schedule, learningRate, epochs, warmupEpochs, batchesPerEpoch, startIteration);
    }
}
