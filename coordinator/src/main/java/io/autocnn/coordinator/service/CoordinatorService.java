package io.autocnn.coordinator.service;

import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialStore;

import java.util.function.Consumer;

/**
 * The whole service in one object: the store, the Spark dispatcher, the experiments (interrupted ones resumed at
 * start) and the HTTP API. Closing it stops the API, leaves running experiments RUNNING in the store (the next start
 * resumes them), and stops Spark.
 */
public final class CoordinatorService implements AutoCloseable {

    private final TrialStore store;
    private final SparkDispatcher spark;
    private final ExperimentManager experiments;
    private final ApiServer api;

    private CoordinatorService(TrialStore store, SparkDispatcher spark, ExperimentManager experiments, ApiServer api) {
        this.store = store;
        this.spark = spark;
        this.experiments = experiments;
        this.api = api;
    }

    /** Starts everything on {@code store} (which the service then owns and closes). */
    public static CoordinatorService start(ServiceOptions options, SparkOptions sparkOptions, TrialStore store,
                                           Consumer<TrialEvent> onEvent) {
        SparkDispatcher spark = null;
        try {
            spark = SparkDispatcher.start(sparkOptions);
            ExperimentManager experiments = new ExperimentManager(store, spark, options, onEvent);
            ApiServer api = ApiServer.start(options, store, experiments, sparkOptions.master());
            experiments.resumeInterrupted();
            return new CoordinatorService(store, spark, experiments, api);
        } catch (RuntimeException e) {
            if (spark != null) {
                spark.close();
            }
            store.close();
            throw e;
        }
    }

    public int port() {
        return api.port();
    }

    public ExperimentManager experiments() {
        return experiments;
    }

    @Override
    public void close() {
        try {
            api.close();
        } finally {
            experiments.close();
            spark.close();
            store.close();
        }
    }
}
