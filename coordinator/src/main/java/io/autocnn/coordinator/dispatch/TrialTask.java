package io.autocnn.coordinator.dispatch;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.TrialKey;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One unit of work for a {@link Dispatcher}: train trial {@code key} (of its experiment) up to {@code targetEpochs}
 * (counting epochs of a resumed checkpoint), from scratch or from its checkpoint, and save the model to
 * {@code checkpoint}. The spec keeps the trial's full epochs: they are its learning-rate schedule's horizon, so a run
 * to a low rung and its promotions follow one curve.
 *
 * @param targetEpochs    the epochs in total this run trains up to (a scheduler's rung)
 * @param wallClockBudget the time left in the search; the trial ends cleanly (TIMEOUT) when it runs out
 * @param validationShare the share of the validation set this run measures on (a cheaper low rung), 1 for all
 * @param trainingShare   the share of the training set this run trains on ({@code Fidelity#DATA}'s low rungs), 1 for
 *                        all
 * @param inheritFrom     for a trial's first run: a parent trial's checkpoint whose weights it starts from where
 *                        layer shapes match (an evolutionary child)
 */
public record TrialTask(TrialKey key, TrialSpec spec, double targetEpochs, boolean resume, Path checkpoint,
                        Optional<Duration> wallClockBudget, double validationShare, Optional<Path> inheritFrom,
                        double trainingShare) {

    public TrialTask {
        if (resume && inheritFrom.isPresent()) {
            throw new IllegalArgumentException("a run resumes its own checkpoint or inherits a parent's, not both");
        }
        if (!(validationShare > 0 && validationShare <= 1)) {
            throw new IllegalArgumentException("validation share must be in (0, 1], got " + validationShare);
        }
        if (!(trainingShare > 0 && trainingShare <= 1)) {
            throw new IllegalArgumentException("training share must be in (0, 1], got " + trainingShare);
        }
    }

    /** To the spec's own epochs, measured on the whole validation set. */
    public TrialTask(TrialKey key, TrialSpec spec, boolean resume, Path checkpoint, Optional<Duration> wallClockBudget) {
        this(key, spec, spec.training().epochs(), resume, checkpoint, wallClockBudget, 1.0, Optional.empty(), 1.0);
    }
}
