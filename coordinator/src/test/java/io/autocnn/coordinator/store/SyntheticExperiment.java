package io.autocnn.coordinator.store;

import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.EpochMetrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

/**
 * An experiment of many made-up trials written straight into a store, in bulk: what the leaderboard's load tests
 * and benchmarks measure against. Each trial has one epoch with a distinct validation error (all above 1e-6); every third completed,
 * the rest pruned. The experiment is stored as COMPLETED, so a service starting on the store does not resume it.
 */
public final class SyntheticExperiment {

    private static final int TRIALS_PER_TRANSACTION = 10_000;
    /** A prime above any trial count used: trial * 7919 modulo it gives every trial a different error. */
    private static final int MODULUS = 1_000_003;

    private final String id;
    private final int trials;

    private SyntheticExperiment(String id, int trials) {
        this.id = id;
        this.trials = trials;
    }

    public static SyntheticExperiment load(SqliteTrialStore store, String name, int trials) {
        String id = store.createExperiment(new NewExperiment(name, "{\"name\":\"" + name + "\"}", "synthetic")).id();
        SyntheticExperiment experiment = new SyntheticExperiment(id, trials);
        for (int first = 0; first < trials; first += TRIALS_PER_TRANSACTION) {
            List<TrialEvent> batch = new ArrayList<>();
            IntStream.range(first, Math.min(trials, first + TRIALS_PER_TRANSACTION))
                    .forEach(trial -> batch.addAll(experiment.events(trial)));
            store.appendAll(batch);
        }
        store.updateStatus(id, ExperimentStatus.COMPLETED, "");
        return experiment;
    }

    public String id() {
        return id;
    }

    public static double validationError(int trial) {
        return (trial * 7919L % MODULUS + 1) / (double) (MODULUS + 1); // above 0: a live epoch can still beat it
    }

    /** The trial indices of the first {@code count} places of the ranking (lowest validation error first). */
    public List<Integer> ranking(int count) {
        return IntStream.range(0, trials).boxed().sorted(Comparator.comparingDouble(SyntheticExperiment::validationError))
                .limit(count).toList();
    }

    /** A further epoch of {@code trial} (attempt 1) with the given validation error: store it, then publish it. */
    public TrialEvent epoch(int trial, double epoch, double validationError) {
        EpochMetrics metrics = new EpochMetrics(epoch, validationError, validationError, validationError,
                OptionalDouble.empty(), 1, 1_000, 1_000);
        return event(trial, TrialEventType.EPOCH, epoch, metrics);
    }

    private List<TrialEvent> events(int trial) {
        TrialSpec spec = new TrialSpec(List.of(), List.of(),
                new TrainingSettings(64, 1, 0.01, Optimizer.ADAM, 0, trial));
        TrialEventType end = trial % 3 == 0 ? TrialEventType.COMPLETED : TrialEventType.PRUNED;
        return List.of(event(trial, TrialEventType.CREATED, 0, new TrialEventPayloads.Created(Map.of(), spec)),
                epoch(trial, 1, validationError(trial)),
                event(trial, end, 1, new TrialEventPayloads.Ended(1, 1_000, Optional.empty(), "", 1)));
    }

    private TrialEvent event(int trial, TrialEventType type, double epoch, Object payload) {
        return new TrialEvent(0, id, trial, 1, type, epoch, TrialEventPayloads.write(payload), Instant.now());
    }
}
