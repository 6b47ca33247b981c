package io.autocnn.workers.train;

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
 */
public record TrialRun(double targetEpochs, Optional<Duration> wallClockBudget, Optional<Path> resumeFrom,
                       Optional<Path> saveTo, boolean measureTest) {

    public static TrialRun epochs(double targetEpochs) {
        return new TrialRun(targetEpochs, Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    public TrialRun withBudget(Duration budget) {
        return new TrialRun(targetEpochs, Optional.of(budget), resumeFrom, saveTo, measureTest);
    }

    public TrialRun resumingFrom(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, Optional.of(checkpoint), saveTo, measureTest);
    }

    public TrialRun savingTo(Path checkpoint) {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, Optional.of(checkpoint), measureTest);
    }

    public TrialRun measuringTest() {
        return new TrialRun(targetEpochs, wallClockBudget, resumeFrom, saveTo, true);
    }
}
