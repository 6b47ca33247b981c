package io.autocnn.workers.train;

import io.autocnn.space.spec.TrainingSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * What one call of the {@link TrialRunner} should do.
 *
 * @param targetEpochs   train until this many epochs in total (fractions allowed), counting those of a resumed
 *                       checkpoint: an early-stopping scheduler that promotes a trial to 9 epochs asks for 9
 * @param wallClockBudget stop cleanly (state FAILED, cause TIMEOUT, metrics kept) once this much time has passed
 * @param resumeFrom     a model zip written by an earlier run of the same specification, to continue from
 * @param saveTo         where to write the model zip at the end (also after a timeout)
 * @param measureTest    also measure test error after each epoch (reporting only, never used for decisions)
 * @param freshCurve     a learning-rate curve that replaces the network's from this run's first step on (its
 *                       epochs counted from there): a final training's anneal of a trained model
 * @param validationShare the share of the validation set measured after each epoch (its first images, a seeded
 *                       class-balanced sample), 1 for all: a cheaper measure for an early-stopping scheduler's low rungs
 * @param inheritFrom    a model (a parent trial's) whose weights a fresh network takes where layer shapes match
 */
public record TrialRun(double targetEpochs, Optional<Duration> wallClockBudget, Optional<Path> resumeFrom,
                       Optional<Path> saveTo, boolean measureTest, Optional<TrainingSettings> freshCurve,
                       double validationShare, Optional<Path> inheritFrom) {

    public TrialRun {
        if (!(validationShare > 0 && validationShare <= 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1], got " + validationShare);
        }
    }

    public static TrialRun epochs(double targetEpochs) {
        return new TrialRun(targetEpochs, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty(), 1.0, Optional.empty());
    }

    /** Validation images this run measures on, of {@code available}: at least one. */
    int validationImages(int available) {
        return (int) Math.max(1, Math.ceil(validationShare * available));
    }

    public TrialRun withBudget(Duration budget) {
        return new TrialRun(targetEpochs, Optional.of(budget), resumeFrom, saveTo, measureTest, freshCurve,
                validationShare, inheritFrom);
    }

    public TrialRun resumingFrom(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, Optional.of(checkpoint), saveTo, measureTest, freshCurve,
                validationShare, inheritFrom);
    }

    public TrialRun savingTo(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, Optional.of(checkpoint), measureTest,
                freshCurve, validationShare, inheritFrom);
    }

    public TrialRun measuringTest() {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, true, freshCurve, validationShare,
                inheritFrom);
    }

    public TrialRun withFreshCurve(TrainingSettings curve) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, measureTest, Optional.of(curve),
                validationShare, inheritFrom);
    }

    public TrialRun validatingOn(double share) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, measureTest, freshCurve, share,
                inheritFrom);
    }

    public TrialRun inheritingFrom(Path parentModel) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, measureTest, freshCurve,
                validationShare, Optional.of(parentModel));
    }
}
