package io.autocnn.coordinator.service;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.engine.FinalModel;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.engine.SpaceHash;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.data.PreparedDataCache;
import io.autocnn.workers.files.DirectoryTrees;
import io.autocnn.workers.train.TrainingData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The running experiments of one service: starts each search of the {@link SearchEngine} on its own thread (never an
 * event loop), cancels and deletes them, and after a restart resumes every experiment the store still lists as
 * RUNNING.
 */
public final class ExperimentManager implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExperimentManager.class);

    private final SearchEngine engine;
    private final DatasetRoot datasetRoot;
    private final int maxRunning;
    private final Map<String, Running> running = new ConcurrentHashMap<>();
    /** Experiments being started or running: taken atomically, so two resumes cannot both start one. */
    private final Set<String> claimed = ConcurrentHashMap.newKeySet();
    /** Set while the service stops: a search that breaks then is left RUNNING, so a restart resumes it. */
    private volatile boolean shuttingDown;

    private record Running(SearchRun search, Thread thread) {
    }

    /** @param maxRunning experiments that may run at once (each holds a thread and a share of the Spark slots) */
    public ExperimentManager(SearchEngine engine, Path datasetRoot, int maxRunning) {
        this.engine = engine;
        this.datasetRoot = new DatasetRoot(datasetRoot);
        this.maxRunning = maxRunning;
    }

    /** Takes {@code experimentId} for starting: false when it is running already; busy when the cap is reached. */
    private synchronized boolean claim(String experimentId) {
        if (claimed.contains(experimentId)) {
            return false;
        }
        if (claimed.size() >= maxRunning) {
            throw new ServiceBusyException(claimed.size() + " experiments are running, as many as this service runs "
                    + "at once (serve --max-experiments); cancel one or wait for one to end");
        }
        return claimed.add(experimentId);
    }

    /** Stores and starts a new experiment; its data location is checked first. */
    public ExperimentRecord create(SearchDefinition definition) {
        DataRecipe recipe = recipe(definition);
        String reserved = "creating-" + java.util.UUID.randomUUID();
        claim(reserved); // refuses before the experiment is stored when the service is full
        ExperimentRecord record;
        try {
            record = engine.create(definition);
            claimed.add(record.id());
        } finally {
            claimed.remove(reserved);
        }
        try {
            start(record.id(), definition, recipe);
        } catch (RuntimeException e) {
            claimed.remove(record.id());
            throw e;
        }
        return record;
    }

    /**
     * Continues every experiment still RUNNING in the store (the service stopped while they ran): finished trials
     * stay, interrupted ones run again as their next attempt, sampler and scheduler continue from their saved state.
     */
    public void resumeInterrupted() {
        for (ExperimentRecord record : engine.store().experiments()) {
            if (record.status() == ExperimentStatus.RUNNING && claimBelowCap(record)) {
                try {
                    SearchDefinition definition = engine.definition(record);
                    start(record.id(), definition, recipe(definition));
                    LOG.warn("resumed experiment {} ({})", record.id(), record.name());
                } catch (RuntimeException e) {
                    claimed.remove(record.id());
                    engine.fail(record.id(), "could not be resumed: " + e.getMessage());
                }
            }
        }
    }

    /**
     * Resumes a stopped experiment (for example one whose service was killed) with the definition it was created
     * with, or continues a finished one: {@code offered} must have the same space, data, sampler, scheduler and
     * seed, else nothing changes; its budget (trials, wall-clock time, failures) replaces the stored one, so a
     * completed experiment given more goes on from where it ended. Of concurrent resumes one starts it, the others
     * are refused; the status becomes running only once the definition and the data have been checked.
     */
    public void resume(String experimentId, SearchDefinition offered) {
        ExperimentRecord record = engine.store().experiment(experimentId).orElseThrow(() ->
                new NoSuchElementException("experiment " + experimentId));
        if (!record.spaceHash().equals(SpaceHash.of(offered.space()))) {
            throw new ExperimentConflictException("experiment " + experimentId + " was created with another search "
                    + "space; resuming it with a changed space would mix trials of two spaces");
        }
        if (!claim(experimentId)) {
            throw new ExperimentConflictException("experiment " + experimentId + " is running");
        }
        try {
            SearchDefinition continued;
            try {
                continued = engine.continuedDefinition(record, offered);
            } catch (IllegalArgumentException e) {
                throw new ExperimentConflictException(e.getMessage());
            }
            DataRecipe recipe = recipe(continued);
            engine.markContinued(experimentId, continued);
            start(experimentId, continued, recipe);
        } catch (RuntimeException e) {
            claimed.remove(experimentId);
            throw e;
        }
    }

    /** At start: more stored as running than the cap allows wait, still RUNNING, for a later start. */
    private boolean claimBelowCap(ExperimentRecord record) {
        try {
            return claim(record.id());
        } catch (ServiceBusyException busy) {
            LOG.warn("experiment {} stays stopped: {}", record.id(), busy.getMessage());
            return false;
        }
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
        boolean deleted = engine.store().deleteExperiment(experimentId);
        Path directory = engine.layout().experimentDirectory(experimentId);
        try {
            DirectoryTrees.delete(directory);
        } catch (IOException e) {
            LOG.warn("could not delete {} completely: {}", directory, e.toString());
        }
        return deleted;
    }

    public boolean isRunning(String experimentId) {
        return claimed.contains(experimentId);
    }

    /** The experiment's final training, once it has ended. */
    public Optional<FinalModel> finalModel(String experimentId) {
        return engine.finalModel(experimentId);
    }

    /** Where the experiment's final model is kept. */
    public Path finalModelOf(String experimentId) {
        return engine.layout().finalModelOf(experimentId);
    }

    /** Where trial {@code index}'s model zip of the experiment is kept. */
    public Path checkpointOf(String experimentId, int trialIndex) {
        return engine.layout().checkpointOf(experimentId, trialIndex);
    }

    private void start(String experimentId, SearchDefinition definition, DataRecipe recipe) {
        SearchRun search = engine.search(experimentId, definition, recipe, SearchListener.NONE);
        Thread thread = new Thread(() -> runToEnd(experimentId, definition, recipe, search),
                "experiment-" + experimentId);
        thread.setDaemon(true);
        running.put(experimentId, new Running(search, thread));
        thread.start();
    }

    private void runToEnd(String experimentId, SearchDefinition definition, DataRecipe recipe, SearchRun search) {
        try {
            // Embedded Spark runs tasks in this JVM: preparing here reads the data once and checks it is readable.
            engine.prepare(definition, recipe);
            engine.runToEnd(experimentId, definition, recipe, search);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Ends this experiment only (its trials were cancelled); the service and other experiments go on.
            LOG.warn("experiment {} failed", experimentId, e);
            if (!shuttingDown) {
                engine.fail(experimentId, e.getClass().getSimpleName() + ": " + e.getMessage());
            }
        } finally {
            running.remove(experimentId);
            claimed.remove(experimentId);
        }
    }

    /** The data an experiment of {@code definition} trains and is tested on, prepared once per recipe. */
    public TrainingData preparedData(SearchDefinition definition) {
        return PreparedDataCache.get(recipe(definition));
    }

    /** The definition's dataset as a recipe; its files must exist (a named dataset's default place, or under the root). */
    private DataRecipe recipe(SearchDefinition definition) {
        return definition.dataset().recipe(datasetRoot.directoryOf(definition.dataset()), definition.seed());
    }

    /**
     * Interrupts every running search and waits briefly for them: they stay RUNNING in the store with their running
     * trials unfinished and their paused ones paused, so the next start of the service on the same data directory
     * resumes them where they were.
     */
    @Override
    public void close() {
        shuttingDown = true;
        running.values().forEach(run -> run.search().interrupt());
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
