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
 */
public record TrialRun(double targetEpochs, Optional<Duration> wallClockBudget, Optional<Path> resumeFrom,
                       Optional<Path> saveTo, boolean measureTest, Optional<TrainingSettings> freshCurve) {

    public static TrialRun epochs(double targetEpochs) {
        return new TrialRun(targetEpochs, Optional.empty(), Optional.empty(), Optional.empty(), false,
                Optional.empty());
    }

    public TrialRun withBudget(Duration budget) {
        return new TrialRun(targetEpochs, Optional.of(budget), resumeFrom, saveTo, measureTest, freshCurve);
    }

    public TrialRun resumingFrom(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, Optional.of(checkpoint), saveTo, measureTest, freshCurve);
    }

    public TrialRun savingTo(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, Optional.of(checkpoint), measureTest,
                freshCurve);
    }

    public TrialRun measuringTest() {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, true, freshCurve);
    }

    public TrialRun withFreshCurve(TrainingSettings curve) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, measureTest, Optional.of(curve));
    }
}
