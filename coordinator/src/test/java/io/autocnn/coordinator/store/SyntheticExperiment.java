package io.autocnn.coordinator.store;

import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.sampler.Sampler;
import io.autocnn.space.sampler.Samplers;
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
 * and benchmarks measure against. Its definition has a real space ({@link #SPACE}: per-layer and conditional
 * parameters) and each trial the parameters and specification that space samples for its index. Each trial has one
 * epoch with a distinct validation error (all above 1e-6); every third completed, the rest pruned. The experiment is
 * stored as COMPLETED, so a service starting on the store does not resume it.
 */
public final class SyntheticExperiment {

    private static final int TRIALS_PER_TRANSACTION = 10_000;
    /** A prime above any trial count used: trial * 7919 modulo it gives every trial a different error. */
    private static final int MODULUS = 1_000_003;

    /** One to three conv blocks (deeper blocks' parameters absent from shallower trials), a condition on SGD. */
    public static final String SPACE = """
            {"convBlocks": {"depth": {"min": 1, "max": 3}, "filters": {"min": 8, "max": 64, "log": true},
                            "kernelSize": {"choices": [3, 5]}, "padding": "SAME", "pooling": "MAX"},
             "denseLayers": {"depth": 1, "units": {"choices": [32, 64, 128]}},
             "training": {"batchSize": {"choices": [32, 64]}, "epochs": 1,
                          "learningRate": {"min": 0.0001, "max": 0.1, "log": true},
                          "optimizer": {"choices": ["ADAM", "SGD"]},
                          "weightDecay": {"min": 0.0001, "max": 0.01, "when": {"optimizer": "SGD"}}}}
            """;
    private static final SearchSpace PARSED = SpaceFile.parse(SPACE, "synthetic space", false);
    private static final Sampler SAMPLER = Samplers.create(RandomSampler.NAME, PARSED, 1);

    private final String id;
    private final int trials;

    private SyntheticExperiment(String id, int trials) {
        this.id = id;
        this.trials = trials;
    }

    public static SyntheticExperiment load(SqliteTrialStore store, String name, int trials) {
        String definition = "{\"name\":\"" + name + "\",\"space\":" + SPACE + "}";
        String id = store.createExperiment(new NewExperiment(name, definition, "synthetic")).id();
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

    /** The parameters trial {@code trial} was stored with. */
    public static Map<String, Object> parameters(int trial) {
        return SAMPLER.propose(trial, List.of()).orElseThrow().parameters();
    }

    /** A further epoch of {@code trial} (attempt 1) with the given validation error: store it, then publish it. */
    public TrialEvent epoch(int trial, double epoch, double validationError) {
        EpochMetrics metrics = new EpochMetrics(epoch, validationError, validationError, validationError,
                OptionalDouble.empty(), 1, 1_000, 1_000);
        return event(trial, TrialEventType.EPOCH, epoch, metrics);
    }

    private List<TrialEvent> events(int trial) {
        // The random sampler's trial i depends only on its seed and i: the same parameters on every load.
        Candidate candidate = SAMPLER.propose(trial, List.of()).orElseThrow();
        TrialEventType end = trial % 3 == 0 ? TrialEventType.COMPLETED : TrialEventType.PRUNED;
        return List.of(event(trial, TrialEventType.CREATED, 0,
                        new TrialEventPayloads.Created(candidate.parameters(), candidate.spec())),
                epoch(trial, 1, validationError(trial)),
                event(trial, end, 1, new TrialEventPayloads.Ended(1, 1_000, Optional.empty(), "", 1)));
    }

    private TrialEvent event(int trial, TrialEventType type, double epoch, Object payload) {
        return new TrialEvent(0, id, trial, 1, type, epoch, TrialEventPayloads.write(payload), Instant.now());
    }
}
