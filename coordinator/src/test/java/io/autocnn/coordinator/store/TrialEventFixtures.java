package io.autocnn.coordinator.store;

import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Trial events as the search writes them, with small made-up payloads. */
final class TrialEventFixtures {

    /** Every fixture event happens at this instant plus its trial index in seconds. */
    static final Instant START = Instant.parse("2026-11-25T10:00:00Z");
    static final long PARAMETER_COUNT = 61_706;

    private TrialEventFixtures() {
    }

    static NewExperiment newExperiment(String name) {
        return new NewExperiment(name, "{\"space\":\"" + name + "\"}", "hash-" + name);
    }

    static TrialSpec spec(int trialIndex) {
        return new TrialSpec(List.of(), List.of(),
                new TrainingSettings(64, 4, 0.01, Optimizer.ADAM, 0, 1_000 + trialIndex));
    }

    static TrialEvent created(String experimentId, int trialIndex) {
        return created(experimentId, trialIndex, Map.of("learningRate", 0.01, "trial", trialIndex));
    }

    static TrialEvent created(String experimentId, int trialIndex, Map<String, Object> parameters) {
        return event(experimentId, trialIndex, 1, TrialEventType.CREATED, 0,
                new TrialEventPayloads.Created(parameters, spec(trialIndex)));
    }

    static TrialEvent started(String experimentId, int trialIndex, int attempt, double targetEpochs) {
        return event(experimentId, trialIndex, attempt, TrialEventType.STARTED, targetEpochs,
                new TrialEventPayloads.Started(targetEpochs, attempt > 1));
    }

    static TrialEvent epoch(String experimentId, int trialIndex, int attempt, double epoch, double validationError) {
        return event(experimentId, trialIndex, attempt, TrialEventType.EPOCH, epoch, metrics(epoch, validationError));
    }

    static EpochMetrics metrics(double epoch, double validationError) {
        return new EpochMetrics(epoch, 0.5 / epoch, validationError / 2, validationError,
                OptionalDouble.of(validationError + 0.01), 12.5, 400, PARAMETER_COUNT);
    }

    /** A run that ended in {@code type} (PAUSED ... CANCELLED) after {@code epochs}, taking {@code seconds}. */
    static TrialEvent ended(String experimentId, int trialIndex, int attempt, TrialEventType type, double epochs,
                            double seconds) {
        Optional<FailureCause> cause = type == TrialEventType.FAILED ? Optional.of(FailureCause.NAN) : Optional.empty();
        return event(experimentId, trialIndex, attempt, type, epochs, new TrialEventPayloads.Ended(epochs,
                PARAMETER_COUNT, cause, type == TrialEventType.FAILED ? "loss became NaN" : "", seconds));
    }

    private static TrialEvent event(String experimentId, int trialIndex, int attempt, TrialEventType type,
                                    double epoch, Object payload) {
        return new TrialEvent(0, experimentId, trialIndex, attempt, type, epoch, TrialEventPayloads.write(payload),
                START.plusSeconds(trialIndex));
    }
}
