package io.autocnn.coordinator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.search.ResumedTrial;
import io.autocnn.coordinator.search.SearchBudget;
import io.autocnn.coordinator.search.SearchCheckpoint;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.NewExperiment;
import io.autocnn.coordinator.store.SearchState;
import io.autocnn.coordinator.store.TrialDetail;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.definition.SpaceFeasibility;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.dispatch.TrialBody;
import io.autocnn.workers.files.DirectoryTrees;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The experiments of one service: creates them in the store and runs each search on its own thread (never an event
 * loop) against the shared Spark dispatcher, cancels and deletes them, and after a restart resumes every experiment
 * the store still lists as RUNNING from its stored trials and search state.
 */
public final class ExperimentManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentManager.class);
    private static final ObjectMapper JSON = TrialSpecJson.mapper();
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    /** Training error during a search is measured on this many images: reported, never used to decide. */
    private static final RunnerOptions MEASURING = new RunnerOptions(2_000, RunnerOptions.defaults().evaluationChunk());

    private final TrialStore store;
    private final SparkDispatcher spark;
    private final ServiceOptions options;
    private final Consumer<TrialEvent> onEvent;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Set while the service stops: searches end without a final status, so a restart resumes them. */
    private volatile boolean shuttingDown;

    private record Running(SearchRun search, Thread thread) {
    }

    public ExperimentManager(TrialStore store, SparkDispatcher spark, ServiceOptions options,
                             Consumer<TrialEvent> onEvent) {
        this.store = store;
        this.spark = spark;
        this.options = options;
        this.onEvent = onEvent;
    }

    /** Stores and starts a new experiment; its data location is checked first (422 when it does not exist). */
    public ExperimentRecord create(ExperimentRequest request) {
        DataRecipe recipe = recipe(request);
        ExperimentRecord record = store.createExperiment(new NewExperiment(request.name(),
                ExperimentDefinitions.toJson(request), spaceHash(request)));
        start(record.id(), request, recipe, Optional.empty());
        return record;
    }

    /**
     * Continues every experiment still RUNNING in the store (the service stopped while they ran): finished trials
     * stay, interrupted ones run again as their next attempt, sampler and scheduler continue from their saved state.
     */
    public void resumeInterrupted() {
        for (ExperimentRecord record : store.experiments()) {
            if (record.status() == ExperimentStatus.RUNNING && !running.containsKey(record.id())) {
                try {
                    ExperimentRequest request = ExperimentDefinitions.fromJson(record.definitionJson());
                    start(record.id(), request, recipe(request), checkpoint(record.id()));
                    LOG.warn("resumed experiment {} ({})", record.id(), record.name());
                } catch (RuntimeException e) {
                    store.updateStatus(record.id(), ExperimentStatus.FAILED, "could not be resumed: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Resumes a stopped experiment (for example one whose service was killed) with the definition it was created
     * with: a different space is refused (409) and changes nothing.
     */
    public void resume(String experimentId, ExperimentRequest request) {
        ExperimentRecord record = store.experiment(experimentId).orElseThrow(() -> ApiProblem.notFound(
                "experiment " + experimentId));
        if (!record.spaceHash().equals(spaceHash(request))) {
            throw new ApiProblem(409, "Conflict", "experiment " + experimentId + " was created with another search "
                    + "space; resuming it with a changed space would mix trials of two spaces");
        }
        if (running.containsKey(experimentId)) {
            throw new ApiProblem(409, "Conflict", "experiment " + experimentId + " is running");
        }
        ExperimentRequest stored = ExperimentDefinitions.fromJson(record.definitionJson());
        store.updateStatus(experimentId, ExperimentStatus.RUNNING, "");
        start(experimentId, stored, recipe(stored), checkpoint(experimentId));
    }

    /** Cancels a running experiment; false when it is not running. */
    public boolean cancel(String experimentId) {
        Running run = running.get(experimentId);
        if (run == null) {
            return false;
        }
        run.search().cancel();
        return true;
    }

    /** Cancels (if running), waits for the search to stop, and removes the experiment and its files. */
    public boolean delete(String experimentId) throws InterruptedException {
        Running run = running.get(experimentId);
        if (run != null) {
            run.search().cancel();
            run.thread().join(Duration.ofMinutes(1).toMillis());
        }
        boolean deleted = store.deleteExperiment(experimentId);
        try {
            DirectoryTrees.delete(experimentDirectory(experimentId));
        } catch (IOException e) {
            LOG.warn("could not delete {} completely: {}", experimentDirectory(experimentId), e.toString());
        }
        return deleted;
    }

    public boolean isRunning(String experimentId) {
        return running.containsKey(experimentId);
    }

    /** Where trial {@code index}'s model zip of the experiment is kept. */
    public Path checkpointOf(String experimentId, int trialIndex) {
        return SearchRun.checkpointOf(checkpointDirectory(experimentId), trialIndex);
    }

    private Path checkpointDirectory(String experimentId) {
        return experimentDirectory(experimentId).resolve("checkpoints");
    }

    private Path experimentDirectory(String experimentId) {
        return options.dataDirectory().resolve("experiments").resolve(experimentId);
    }

    private void start(String experimentId, ExperimentRequest request, DataRecipe recipe,
                       Optional<SearchCheckpoint> from) {
        SearchSpace space = SpaceFile.parse(request.space().toString(), "space.json", false);
        Path checkpoints;
        try {
            checkpoints = Files.createDirectories(checkpointDirectory(experimentId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the experiment's directory", e);
        }
        SearchRun search = new SearchRun(experimentId, Samplers.create(request.sampler(), space, request.seed()),
                Schedulers.create(request.scheduler(), space.maxEpochs(), request.rungs()),
                spark.forData(recipe, MEASURING, TrialBody.TRAIN, request.maxConcurrent()),
                new SearchBudget(request.maxTrials(), Duration.ofSeconds(request.maxWallTimeSeconds()),
                        request.maxFailedTrials()),
                space.maxEpochs(), checkpoints, new StoreRecorder(experimentId, store, onEvent));
        from.ifPresent(search::resumingFrom);
        Thread thread = new Thread(() -> runToEnd(experimentId, space, recipe, search), "experiment-" + experimentId);
        thread.setDaemon(true);
        running.put(experimentId, new Running(search, thread));
        thread.start();
    }

    private void runToEnd(String experimentId, SearchSpace space, DataRecipe recipe, SearchRun search) {
        try {
            // Embedded Spark runs tasks in this JVM: preparing here reads the data once and checks it is readable.
            TrainingData data = PreparedDataCache.get(recipe);
            List<SpecViolation> infeasible = SpaceFeasibility.violations(space, data.shape().height(),
                    data.shape().width());
            if (!infeasible.isEmpty()) {
                store.updateStatus(experimentId, ExperimentStatus.FAILED, "no network of the space fits the "
                        + data.shape() + " images: " + infeasible);
                return;
            }
            SearchOutcome outcome = search.run();
            if (shuttingDown) {
                return;
            }
            ExperimentStatus status = switch (outcome.stopReason()) {
                case CANCELLED -> ExperimentStatus.CANCELLED;
                case TOO_MANY_FAILURES -> ExperimentStatus.FAILED;
                case TRIAL_BUDGET, WALL_CLOCK_BUDGET, SAMPLER_EXHAUSTED -> ExperimentStatus.COMPLETED;
            };
            store.updateStatus(experimentId, status, outcome.failure().orElse(outcome.stopReason().description()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("experiment {} failed", experimentId, e);
            if (store.experiment(experimentId).isPresent()) {
                store.updateStatus(experimentId, ExperimentStatus.FAILED, String.valueOf(e.getMessage()));
            }
        } finally {
            running.remove(experimentId);
        }
    }

    /** Rebuilds the search's state from the store, or nothing when it never saved any (it had not started). */
    private Optional<SearchCheckpoint> checkpoint(String experimentId) {
        Optional<SearchState> state = store.searchState(experimentId);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Map<Integer, TrialEventPayloads.Started> lastRuns = lastRuns(experimentId);
        List<ResumedTrial> trials = new ArrayList<>();
        for (int offset = 0; ; offset += TrialQuery.MAX_LIMIT) {
            TrialPage page = store.trials(experimentId, new TrialQuery(TrialSort.TRIAL, false, Optional.empty(),
                    offset, TrialQuery.MAX_LIMIT));
            for (TrialRow row : page.rows()) {
                TrialDetail detail = store.trial(experimentId, row.trialIndex()).orElseThrow();
                TrialEventPayloads.Started run = lastRuns.getOrDefault(row.trialIndex(),
                        new TrialEventPayloads.Started(0, false));
                trials.add(new ResumedTrial(new TrialSummary(row.trialIndex(), candidate(row), row.state(),
                        row.failureCause(), row.message(), detail.epochs(), row.epochsTrained(),
                        row.parameterCount(), row.seconds()), row.attempt(), run.targetEpochs(), run.resume()));
            }
            if (page.rows().size() < TrialQuery.MAX_LIMIT) {
                break;
            }
        }
        try {
            return Optional.of(new SearchCheckpoint(trials, JSON.readTree(state.get().samplerState()),
                    JSON.readTree(state.get().schedulerState()), state.get().nextTrialIndex(),
                    state.get().elapsedSeconds()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("experiment " + experimentId + "'s saved search state is corrupt", e);
        }
    }

    private Map<Integer, TrialEventPayloads.Started> lastRuns(String experimentId) {
        Map<Integer, TrialEventPayloads.Started> runs = new HashMap<>();
        long after = 0;
        while (true) {
            List<TrialEvent> events = store.events(experimentId, after, 10_000);
            for (TrialEvent event : events) {
                if (event.type() == TrialEventType.STARTED) {
                    runs.put(event.trialIndex(), TrialEventPayloads.started(event.payloadJson()));
                }
                after = event.sequence();
            }
            if (events.size() < 10_000) {
                return runs;
            }
        }
    }

    private static Candidate candidate(TrialRow row) {
        try {
            Map<String, Object> parameters = JSON.readValue(row.parametersJson(), new TypeReference<>() {
            });
            return new Candidate(parameters, TrialSpecJson.read(row.specJson(), "stored trial " + row.trialIndex()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored trial " + row.trialIndex() + " is corrupt", e);
        }
    }

    /** The request's dataset as a recipe; its files must exist (a named dataset's default place, or under the root). */
    private DataRecipe recipe(ExperimentRequest request) {
        DatasetRequest dataset = request.dataset();
        String directory = "";
        if (!dataset.path().isEmpty()) {
            Path root = options.datasetRoot().toAbsolutePath().normalize();
            Path resolved = root.resolve(dataset.path()).normalize();
            if (!resolved.startsWith(root) || !Files.isDirectory(resolved)) {
                throw new ApiProblem(422, "Invalid experiment", "the dataset path does not name a directory under "
                        + "the dataset root", List.of(new SpecViolation("$.dataset.path",
                        "no directory '" + dataset.path() + "' under the dataset root")));
            }
            directory = resolved.toString();
        }
        ImageShape folderShape = new ImageShape(dataset.channels(), dataset.imageHeight(), dataset.imageWidth());
        return new DataRecipe(dataset.name(), directory, folderShape, dataset.limit(),
                dataset.testLimit(), dataset.validationFraction(), false, 0, request.seed());
    }

    /** A hash of the space that ignores key order and formatting. */
    static String spaceHash(ExperimentRequest request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    CANONICAL.writeValueAsString(CANONICAL.treeToValue(request.space(), Object.class))
                            .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Stops every running search and waits briefly for them; they stay RUNNING in the store, so the next start of
     * the service on the same data directory resumes them.
     */
    @Override
    public void close() {
        shuttingDown = true;
        running.values().forEach(run -> run.search().cancel());
        for (Running run : running.values()) {
            try {
                run.thread().join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
