package io.autocnn.workers.train;

import io.autocnn.space.spec.TrainingSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * What one call of the {@link TrialRunner} should do.
 *
 * @param targetEpochs   train until this many epochs in total (fractions allowed), counting those of a resumed
 *                       checkpoint: an early-stopping scheduler that promotes a trial to 9 epochs asks for 9
 * @param wallClockBudget stop cleanly (state FAILED, cause TIMEOUT, metrics kept) once this much time has passed
 * @param resumeFrom     a model zip written by an earlier run of the same specification, to continue from
 * @param saveTo         where to write the model zip at the end (also after a timeout)
 * @param testMeasure    when the run measures test error (reporting only, never used for decisions); by default once,
 *                       at the epoch a trial has trained all its epochs on all its data
 * @param freshCurve     a learning-rate curve that replaces the network's from this run's first step on (its
 *                       epochs counted from there): a final training's anneal of a trained model
 * @param validationShare the share of the validation set measured after each epoch (its first images, a seeded
 *                       class-balanced sample), 1 for all: a cheaper measure for an early-stopping scheduler's low rungs
 * @param inheritFrom    a model (a parent trial's) whose weights a fresh network takes where layer shapes match
 * @param trainingShare  the share of the training set the run trains on (its first images, a seeded random
 *                       sample; a smaller share's images are among a larger one's), 1 for all: a low rung's cheaper
 *                       fidelity. Epochs still count steps of a whole epoch, so the steps, the learning-rate curve
 *                       and the epoch axis are those of a run on all images; the sample is passed over more often.
 */
public record TrialRun(double targetEpochs, Optional<Duration> wallClockBudget, Optional<Path> resumeFrom,
                       Optional<Path> saveTo, TestMeasure testMeasure, Optional<TrainingSettings> freshCurve,
                       double validationShare, Optional<Path> inheritFrom, double trainingShare) {

    public TrialRun {
        if (!(validationShare > 0 && validationShare <= 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1], got " + validationShare);
        }
        if (!(trainingShare > 0 && trainingShare <= 1)) {
            throw new IllegalArgumentException("training share must be in (0, 1], got " + trainingShare);
        }
    }

    public static TrialRun epochs(double targetEpochs) {
        return new TrialRun(targetEpochs, Optional.empty(), Optional.empty(), Optional.empty(),
                TestMeasure.WHEN_FINISHED, Optional.empty(), 1.0, Optional.empty(), 1.0);
    }

    /** Validation images this run measures on, of {@code available}: at least one. */
    int validationImages(int available) {
        return (int) Math.max(1, Math.ceil(validationShare * available));
    }

    /** Training images this run trains on, of {@code available}: at least one batch's worth, or all. */
    int trainingImages(int available, int batchSize) {
        return (int) Math.min(available, Math.max(batchSize, Math.ceil(trainingShare * available)));
    }

    public TrialRun withBudget(Duration budget) {
        return with(run -> run.wallClockBudget = Optional.of(budget));
    }

    public TrialRun resumingFrom(Path checkpoint) {
        return with(run -> run.resumeFrom = Optional.of(checkpoint));
    }

    public TrialRun savingTo(Path checkpoint) {
        return with(run -> run.saveTo = Optional.of(checkpoint));
    }

    /** Measures test after every epoch. */
    public TrialRun measuringTest() {
        return measuringTest(TestMeasure.EVERY_EPOCH);
    }

    public TrialRun measuringTest(TestMeasure when) {
        return with(run -> run.testMeasure = when);
    }

    public TrialRun withFreshCurve(TrainingSettings curve) {
        return with(run -> run.freshCurve = Optional.of(curve));
    }

    public TrialRun validatingOn(double share) {
        return with(run -> run.validationShare = share);
    }

    public TrialRun trainingOn(double share) {
        return with(run -> run.trainingShare = share);
    }

    public TrialRun inheritingFrom(Path parentModel) {
        return with(run -> run.inheritFrom = Optional.of(parentModel));
    }

    /** This run with what {@code change} sets on a copy of its fields (checked again by the constructor). */
    private TrialRun with(Consumer<Fields> change) {
        Fields fields = new Fields(this);
        change.accept(fields);
        return fields.run();
    }

    /** A run's fields while one of the {@code with…} methods changes one: the one place that copies them all. */
    private static final class Fields {
        private final double targetEpochs;
        private Optional<Duration> wallClockBudget;
        private Optional<Path> resumeFrom;
        private Optional<Path> saveTo;
        private TestMeasure testMeasure;
        private Optional<TrainingSettings> freshCurve;
        private double validationShare;
        private Optional<Path> inheritFrom;
        private double trainingShare;

        private Fields(TrialRun run) {
            targetEpochs = run.targetEpochs;
            wallClockBudget = run.wallClockBudget;
            resumeFrom = run.resumeFrom;
            saveTo = run.saveTo;
            testMeasure = run.testMeasure;
            freshCurve = run.freshCurve;
            validationShare = run.validationShare;
            inheritFrom = run.inheritFrom;
            trainingShare = run.trainingShare;
        }

        private TrialRun run() {
            return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, testMeasure, freshCurve,
                    validationShare, inheritFrom, trainingShare);
        }
    }
}
