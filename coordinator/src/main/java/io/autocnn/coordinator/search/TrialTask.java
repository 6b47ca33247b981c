package io.autocnn.coordinator.search;

import io.autocnn.space.spec.TrialSpec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * One unit of work for a {@link TrialExecutor}: train trial {@code trialIndex} up to {@code targetEpochs}, from
 * scratch or from its checkpoint, and save the model to {@code checkpoint}.
 *
 * @param wallClockBudget the time left in the search; the trial ends cleanly (TIMEOUT) when it runs out
 */
public record TrialTask(int trialIndex, TrialSpec spec, double targetEpochs, boolean resume, Path checkpoint,
                        Optional<Duration> wallClockBudget) {
}
