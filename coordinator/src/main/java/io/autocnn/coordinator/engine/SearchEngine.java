package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.compare.ChosenModel;
import io.autocnn.coordinator.compare.FinalTraining;
import io.autocnn.coordinator.compare.SearchChoice;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionJson;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.dispatch.DispatcherFactory;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.StopReason;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.NewExperiment;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFeasibility;
import io.autocnn.space.spec.FeatureMapShapes;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The one way a search is assembled and run, whichever command asked: {@code search}, {@code compare}, {@code run}
 * and {@code serve} all create an experiment in a {@link TrialStore} from a {@link SearchDefinition}, run it on the
 * shared workers (the process's {@code SparkDispatcher}) with every event stored, and store how it ended; a stopped
 * experiment resumes from what the store holds. Files go where the {@link ExperimentLayout} says, so any store can be
 * served.
 */
public final class SearchEngine {

    /** Training error during a search is measured on this many images: reported, never used to decide. */
    public static final RunnerOptions MEASURING = new RunnerOptions(2_000, RunnerOptions.defaults().evaluationChunk());

    private final TrialStore store;
    private final DispatcherFactory workers;
    private final ExperimentLayout layout;
    private final Consumer<TrialEvent> onStored;
    private final TrialBody body;

    /** An engine whose trials train (the product's work). */
    public SearchEngine(TrialStore store, DispatcherFactory workers, ExperimentLayout layout,
                        Consumer<TrialEvent> onStored) {
        this(store, workers, layout, onStored, TrialBody.TRAIN);
    }

    /**
     * @param workers  where trials run (the process's Spark dispatcher)
     * @param onStored receives every event once it is stored (the live leaderboard)
     * @param body     what a trial's task does: train, or (a dry run that checks a cluster's set-up) nothing
     */
    public SearchEngine(TrialStore store, DispatcherFactory workers, ExperimentLayout layout,
                        Consumer<TrialEvent> onStored, TrialBody body) {
        this.store = store;
        this.workers = workers;
        this.layout = layout;
        this.onStored = onStored;
        this.body = body;
    }

    public ExperimentLayout layout() {
        return layout;
    }

    public TrialStore store() {
        return store;
    }

    /** Stores a new experiment of {@code definition}, status RUNNING; nothing runs yet. */
    public ExperimentRecord create(SearchDefinition definition) {
        return store.createExperiment(new NewExperiment(definition.name(),
                SearchDefinitionJson.toJson(definition).toString(), SpaceHash.of(definition.space())));
    }

    /**
     * The stored experiment's definition with the budget of {@code offered} (trials, wall-clock time, failures), the
     * one rule for continuing an experiment, from the command line and the API: refused, naming the experiment and
     * the field, when {@code offered} changes more than the budget.
     */
    public SearchDefinition continuedDefinition(ExperimentRecord record, SearchDefinition offered) {
        try {
            return definition(record).withBudgetOf(offered);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("experiment " + record.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Stores {@code continued} as the experiment's own definition and marks it running: the last step before its
     * search starts, once the definition and the data have been checked.
     */
    public void markContinued(String experimentId, SearchDefinition continued) {
        store.updateDefinition(experimentId, SearchDefinitionJson.toJson(continued).toString());
        store.updateStatus(experimentId, ExperimentStatus.RUNNING, "");
    }

    /** The definition the experiment was created with, read back through the same validation. */
    public SearchDefinition definition(ExperimentRecord record) {
        return SearchDefinitionParser.parse(record.definitionJson());
    }

    /**
     * The data the experiment trains on, prepared once in this JVM (embedded Spark's tasks share it) and checked
     * against the space: a space no network of which fits the images is refused with the reason.
     */
    public TrainingData prepare(SearchDefinition definition, DataRecipe recipe) {
        TrainingData data = PreparedDataCache.get(recipe);
        checkFits(definition, data);
        return data;
    }

    /** Refuses a space no network of which fits the images of {@code data}, with the reason. */
    public static void checkFits(SearchDefinition definition, TrainingData data) {
        List<SpecViolation> infeasible = SpaceFeasibility.violations(definition.parsedSpace(), data.shape().height(),
                data.shape().width());
        if (!infeasible.isEmpty()) {
            throw new InvalidSpaceException("the space (no network of it fits the " + data.shape() + " images)",
                    infeasible);
        }
        List<SpecViolation> misfits = new ArrayList<>();
        for (int i = 0; i < definition.seedTrials().size(); i++) {
            String path = "$.seedTrials[" + i + "]";
            FeatureMapShapes.violations(definition.seedTrials().get(i), data.shape().height(), data.shape().width())
                    .forEach(v -> misfits.add(new SpecViolation(path + v.path().substring(1), v.message())));
        }
        if (!misfits.isEmpty()) {
            throw new InvalidSpecException(misfits);
        }
        CandidateCosts.refuseIfUnmeetable(definition.parsedSpace(), data);
    }

    /**
     * The search of experiment {@code experimentId}: new, or continuing what the store holds of it (finished trials
     * kept, interrupted ones run again as their next attempt, sampler and scheduler from their saved state). Every
     * event goes to the store, then to {@code listener}.
     */
    public SearchRun search(String experimentId, SearchDefinition definition, DataRecipe recipe,
                            SearchListener listener) {
        return search(experimentId, definition, definition.seed(), recipe, listener);
    }

    /** As {@link #search(String, SearchDefinition, DataRecipe, SearchListener)}, the sampler seeded with {@code seed}. */
    public SearchRun search(String experimentId, SearchDefinition definition, long samplerSeed, DataRecipe recipe,
                            SearchListener listener) {
        SearchSpace space = definition.parsedSpace();
        CandidateCosts costs = new CandidateCosts(space.constraints(), definition.secondObjective(), recipe);
        SearchRun search = new SearchRun(experimentId, definition.sampler(space, samplerSeed),
                definition.scheduler(space),
                workers.forData(recipe, MEASURING.withAugmentation(definition.dataset().augmentation()), body,
                        definition.maxConcurrent()), definition.budget(),
                space.maxEpochs(), layout.createCheckpointDirectory(experimentId),
                new StoreRecorder(experimentId, store, onStored, costs::of).andThen(listener),
                costs.check()).withFidelity(definition.fidelity());
        definition.secondObjective().ifPresent(objective -> search.withSecondObjective(costs.rankingValue(objective)));
        StoredSearch.read(store, experimentId).ifPresent(checkpoint -> {
            costs.rememberStored(store, experimentId);
            search.resumingFrom(checkpoint);
        });
        return search;
    }

    /**
     * Runs {@code search} to its end, then, when {@code definition} asks for it and the search ended by its budget or
     * its sampler, its best trial's final training ({@link FinalTraining}, for the definition's share of the budget:
     * {@link ExperimentLayout#finalModelOf}); stores how it all ended. A stop of the process in either part leaves
     * the experiment RUNNING (a resume trains the final model again); a cancel during the final training ends it
     * CANCELLED.
     */
    public SearchOutcome runToEnd(String experimentId, SearchDefinition definition, DataRecipe recipe,
                                  SearchRun search) throws InterruptedException {
        SearchOutcome outcome = search.run();
        boolean completed = statusOf(outcome.stopReason()) == ExperimentStatus.COMPLETED;
        if (definition.finalTrainingShare() > 0 && completed && outcome.best().isPresent()) {
            try {
                trainFinal(experimentId, definition, recipe, outcome, search);
            } catch (IOException e) {
                throw new UncheckedIOException("experiment " + experimentId + "'s final training", e);
            }
            if (search.interruptRequested()) {
                return outcome;
            }
            if (search.stopRequested()) {
                store.updateStatus(experimentId, ExperimentStatus.CANCELLED, "cancelled during the final training");
                return outcome;
            }
        }
        finish(experimentId, outcome);
        return outcome;
    }

    /** The experiment's final training, once it has ended; empty when it had none (yet). */
    public Optional<FinalModel> finalModel(String experimentId) {
        try {
            return FinalModel.read(layout.finalModelRecordOf(experimentId));
        } catch (IOException e) {
            throw new UncheckedIOException("experiment " + experimentId + "'s final model record", e);
        }
    }

    private void trainFinal(String experimentId, SearchDefinition definition, DataRecipe recipe,
                            SearchOutcome outcome, SearchRun search) throws IOException {
        if (finalModel(experimentId).isPresent()) {
            return; // ended before a stop came between its record and the experiment's status
        }
        TrainingData data = PreparedDataCache.get(recipe);
        ChosenModel chosen = SearchChoice.of(outcome, layout.checkpointDirectory(experimentId), data);
        int trial = outcome.best().orElseThrow().index();
        ChosenModel trained = FinalTraining.of(definition.finalTrainingShare(), definition)
                .train(chosen, layout.checkpointOf(experimentId, trial), data, definition.finalTrainingTime(),
                        layout.finalModelOf(experimentId), new TrialListener() {
                            @Override
                            public boolean shouldStop() {
                                return search.stopRequested();
                            }
                        });
        if (!search.stopRequested()) {
            new FinalModel(trial, FinalModel.measured(trained.testAccuracy()),
                    FinalModel.measured(chosen.testAccuracy()), trained.epochsTrained(), trained.seconds())
                    .write(layout.finalModelRecordOf(experimentId));
        }
    }

    /**
     * Stores how the search ended: its status follows from why it stopped. An interrupted search stays RUNNING, so
     * the next start (of the service, on this store) resumes it.
     */
    public ExperimentStatus finish(String experimentId, SearchOutcome outcome) {
        ExperimentStatus status = statusOf(outcome.stopReason());
        if (status != ExperimentStatus.RUNNING) {
            store.updateStatus(experimentId, status, outcome.failure().orElse(outcome.stopReason().description()));
        }
        return status;
    }

    /** The experiment's status after a search that stopped for {@code reason}. */
    private static ExperimentStatus statusOf(StopReason reason) {
        return switch (reason) {
            case CANCELLED -> ExperimentStatus.CANCELLED;
            case TOO_MANY_FAILURES -> ExperimentStatus.FAILED;
            case TRIAL_BUDGET, WALL_CLOCK_BUDGET, SAMPLER_EXHAUSTED -> ExperimentStatus.COMPLETED;
            case INTERRUPTED -> ExperimentStatus.RUNNING;
        };
    }

    /** Stores the experiment as failed with {@code reason}, if it still exists. */
    public void fail(String experimentId, String reason) {
        if (store.experiment(experimentId).isPresent()) {
            store.updateStatus(experimentId, ExperimentStatus.FAILED, reason);
        }
    }
}
