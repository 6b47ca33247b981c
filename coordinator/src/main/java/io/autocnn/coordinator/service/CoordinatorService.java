package io.autocnn.coordinator.service;

import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.DataDirectoryLock;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.ui.Leaderboard;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The whole service in one object: the store, the Spark dispatcher, the experiments (interrupted ones resumed at
 * start), the HTTP API and the live leaderboard. Closing it stops the API, interrupts running experiments (they stay
 * RUNNING in the store and the next start resumes them), and stops Spark.
 */
public final class CoordinatorService implements AutoCloseable {

    private final TrialStore store;
    private final SparkDispatcher spark;
    private final ExperimentManager experiments;
    private final ApiServer api;
    private final Leaderboard leaderboard;
    private final DataDirectoryLock lock;
    private final AtomicBoolean closed = new AtomicBoolean();

    private CoordinatorService(TrialStore store, SparkDispatcher spark, ExperimentManager experiments, ApiServer api,
                               Leaderboard leaderboard, DataDirectoryLock lock) {
        this.lock = lock;
        this.store = store;
        this.spark = spark;
        this.experiments = experiments;
        this.api = api;
        this.leaderboard = leaderboard;
    }

    /**
     * Takes the data directory for this process (one another process uses is refused with
     * {@link DataDirectoryLock.InUseException} before anything is opened or changed), opens its store and starts.
     */
    public static CoordinatorService start(ServiceOptions options, SparkOptions sparkOptions) {
        DataDirectoryLock lock = DataDirectoryLock.acquire(options.dataDirectory());
        TrialStore store;
        try {
            store = SqliteTrialStore.open(new ExperimentLayout(options.dataDirectory()).storeFile());
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return start(options, sparkOptions, store, lock);
    }

    /**
     * Starts everything on {@code store}, which must be the data directory's and which the service then owns and
     * closes (benchmarks and tests that fill a store first).
     */
    public static CoordinatorService start(ServiceOptions options, SparkOptions sparkOptions, TrialStore store) {
        DataDirectoryLock lock;
        try {
            lock = DataDirectoryLock.acquire(options.dataDirectory());
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return start(options, sparkOptions, store, lock);
    }

    private static CoordinatorService start(ServiceOptions options, SparkOptions sparkOptions, TrialStore store,
                                            DataDirectoryLock lock) {
        SparkDispatcher spark = null;
        try {
            spark = SparkDispatcher.start(sparkOptions);
            Leaderboard leaderboard = new Leaderboard(new StoreLeaderboardSource(store));
            SearchEngine engine = new SearchEngine(store, spark, new ExperimentLayout(options.dataDirectory()),
                    event -> leaderboard.publish(StoreLeaderboardSource.toLeaderboard(event)));
            ExperimentManager experiments = new ExperimentManager(engine, options.datasetRoot(),
                    options.maxRunningExperiments());
            ApiServer api = ApiServer.start(options, store, experiments, sparkOptions, leaderboard);
            experiments.resumeInterrupted();
            return new CoordinatorService(store, spark, experiments, api, leaderboard, lock);
        } catch (RuntimeException e) {
            if (spark != null) {
                spark.close();
            }
            store.close();
            lock.close();
            throw e;
        }
    }

    public int port() {
        return api.port();
    }

    public ExperimentManager experiments() {
        return experiments;
    }

    /** How many leaderboard event streams are open for the experiment. */
    public int watching(String experimentId) {
        return leaderboard.watching(experimentId);
    }

    /**
     * Pushes an event that is already stored (it carries its sequence) to the browsers watching its experiment. The
     * searches' own events are pushed as they are stored; this serves events stored by other means (the leaderboard
     * benchmark writes its synthetic trials straight into the store).
     */
    public void publish(TrialEvent storedEvent) {
        leaderboard.publish(StoreLeaderboardSource.toLeaderboard(storedEvent));
    }

    /** Stops everything once; later calls (a shutdown hook after a normal end) do nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            api.close();
        } finally {
            experiments.close();
            spark.close();
            store.close();
            lock.close();
        }
    }
}
