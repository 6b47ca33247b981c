package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.dispatch.BeforeSparkStops;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.DataDirectoryLock;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.engine.FinalModel;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.engine.SpaceHash;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialPages;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.spec.CandidateCost;
import io.autocnn.workers.data.DataRecipe;
import io.autocnn.workers.dispatch.TrialBody;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * The {@link SearchEngine} of a command that searches in its own process ({@code search}, {@code compare}): a SQLite
 * store in the output folder, laid out as a service's data directory, so that {@code autocnn serve --data-dir} on it
 * shows (and resumes) what the command ran. Ctrl-C or {@code kill} interrupts the running search before Spark stops:
 * it stays RUNNING in the store, resumable.
 */
final class LocalEngine implements AutoCloseable {

    /** A search created in the store, ready to run. */
    record Started(String experimentId, SearchRun run, Path checkpoints, SearchDefinition definition,
                   DataRecipe recipe) {
    }

    /** How long a stop waits for the interrupted search to store where it was. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final TrialStore store;
    private final SparkDispatcher spark;
    private final SearchEngine engine;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final BeforeSparkStops onStop;
    private final PrintWriter console;
    private final DataDirectoryLock lock;
    private volatile Started running;
    private volatile CountDownLatch runEnded = new CountDownLatch(0);

    private LocalEngine(TrialStore store, SparkDispatcher spark, SearchEngine engine, PrintWriter console,
                        DataDirectoryLock lock) {
        this.lock = lock;
        this.store = store;
        this.spark = spark;
        this.engine = engine;
        this.console = console;
        this.onStop = BeforeSparkStops.run(this::interruptAndClose);
    }

    /** @param console where a stop says how to resume (the JVM may end before the command prints anything else) */
    static LocalEngine open(Path outDirectory, SparkOptions options, PrintWriter console) throws IOException {
        return open(outDirectory, options, console, TrialBody.TRAIN);
    }

    /** As {@link #open(Path, SparkOptions, PrintWriter)}, its trials doing {@code body}. */
    static LocalEngine open(Path outDirectory, SparkOptions options, PrintWriter console, TrialBody body)
            throws IOException {
        ExperimentLayout layout = new ExperimentLayout(Files.createDirectories(outDirectory));
        DataDirectoryLock lock = DataDirectoryLock.acquire(layout.dataDirectory());
        TrialStore store = null;
        try {
            store = SqliteTrialStore.open(layout.storeFile());
            SparkDispatcher spark = SparkDispatcher.start(options);
            return new LocalEngine(store, spark, new SearchEngine(store, spark, layout, event -> { }, body), console,
                    lock);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            lock.close();
            throw e;
        }
    }

    /**
     * Stores a new experiment and returns its search, sampled from {@code seed}; {@link PreparedSearch} has prepared
     * the data and checked the space against it.
     */
    Started start(SearchDefinition definition, DataRecipe recipe, long samplerSeed, SearchListener listener) {
        ExperimentRecord record = engine.create(definition);
        return new Started(record.id(), engine.search(record.id(), definition, samplerSeed, recipe, listener),
                engine.layout().checkpointDirectory(record.id()), definition, recipe);
    }

    /**
     * Continues the store's latest experiment of {@code definition}'s space with {@code definition}'s budget (trials
     * and time count from that experiment's start): its trials stay, its sampler and scheduler go on from their
     * saved state. Refused, naming the reason, when there is none or the definition changes more than the budget.
     */
    Started continueLatest(SearchDefinition definition, DataRecipe recipe, SearchListener listener) {
        String space = SpaceHash.of(definition.space());
        ExperimentRecord record = store.experiments().stream().filter(r -> r.spaceHash().equals(space))
                .max(Comparator.comparing(ExperimentRecord::createdAt)).orElseThrow(() ->
                        new IllegalArgumentException("--continue: " + engine.layout().dataDirectory()
                                + " holds no experiment of this space to continue"));
        SearchDefinition continued;
        try {
            continued = engine.continuedDefinition(record, definition);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--continue: " + e.getMessage(), e);
        }
        engine.markContinued(record.id(), continued);
        return new Started(record.id(), engine.search(record.id(), continued, continued.seed(), recipe, listener),
                engine.layout().checkpointDirectory(record.id()), continued, recipe);
    }

    /** What the store holds of each of the experiment's trials' cost, by trial index, as the search measured it. */
    Map<Integer, CandidateCost> trialCosts(String experimentId) {
        return TrialPages.all(store, experimentId, TrialSort.TRIAL)
                .collect(Collectors.toMap(TrialRow::trialIndex, TrialRow::cost));
    }

    /**
     * Runs the search to its end, and its final training when the definition asks, and stores how it ended (an
     * interrupted one stays RUNNING).
     */
    SearchOutcome runToEnd(Started started) throws InterruptedException {
        runEnded = new CountDownLatch(1);
        running = started;
        try {
            return engine.runToEnd(started.experimentId(), started.definition(), started.recipe(), started.run());
        } finally {
            running = null;
            runEnded.countDown();
        }
    }

    /** The experiment's final training, once it has ended. */
    Optional<FinalModel> finalModel(String experimentId) {
        return engine.finalModel(experimentId);
    }

    /** Where the experiment's final model is. */
    Path finalModelOf(String experimentId) {
        return engine.layout().finalModelOf(experimentId);
    }

    /** At shutdown: the running search stops as interrupted and is given time to say so, then everything closes. */
    private void interruptAndClose() {
        Started search = running;
        if (search != null) {
            search.run().interrupt();
            try {
                runEnded.await(STOP_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            console.printf("%nstopped: experiment %s stays running in %s; resume it with: bin/autocnn serve "
                    + "--data-dir %s%n", search.experimentId(), engine.layout().dataDirectory(),
                    engine.layout().dataDirectory());
            console.flush();
        }
        closeOnce();
    }

    @Override
    public void close() {
        onStop.cancel();
        closeOnce();
    }

    private void closeOnce() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            spark.close();
        } finally {
            store.close();
            lock.close();
        }
    }
}
