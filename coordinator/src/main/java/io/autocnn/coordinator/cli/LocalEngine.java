package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.dispatch.SparkDispatcher;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.search.SearchListener;
import io.autocnn.coordinator.search.SearchOutcome;
import io.autocnn.coordinator.search.SearchRun;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.workers.data.DataRecipe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@link SearchEngine} of a command that searches in its own process ({@code search}, {@code compare}): a SQLite
 * store in the output folder, laid out as a service's data directory, so that {@code autocnn serve --data-dir} on it
 * shows (and resumes) what the command ran.
 */
final class LocalEngine implements AutoCloseable {

    /** A search created in the store, ready to run. */
    record Started(String experimentId, SearchRun run, Path checkpoints) {
    }

    private final TrialStore store;
    private final SparkDispatcher spark;
    private final SearchEngine engine;

    private LocalEngine(TrialStore store, SparkDispatcher spark, SearchEngine engine) {
        this.store = store;
        this.spark = spark;
        this.engine = engine;
    }

    static LocalEngine open(Path outDirectory, SparkOptions options) throws IOException {
        ExperimentLayout layout = new ExperimentLayout(Files.createDirectories(outDirectory));
        TrialStore store = SqliteTrialStore.open(layout.storeFile());
        try {
            SparkDispatcher spark = SparkDispatcher.start(options);
            return new LocalEngine(store, spark, new SearchEngine(store, spark, layout, event -> { }));
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
    }

    /** Checks the space against the data, stores a new experiment and returns its search, sampled from {@code seed}. */
    Started start(SearchDefinition definition, DataRecipe recipe, long samplerSeed, SearchListener listener) {
        engine.prepare(definition, recipe);
        ExperimentRecord record = engine.create(definition);
        return new Started(record.id(), engine.search(record.id(), definition, samplerSeed, recipe, listener),
                engine.layout().checkpointDirectory(record.id()));
    }

    /** Runs the search to its end and stores how it ended. */
    SearchOutcome runToEnd(Started started) throws InterruptedException {
        SearchOutcome outcome = started.run().run();
        engine.finish(started.experimentId(), outcome);
        return outcome;
    }

    @Override
    public void close() {
        try {
            spark.close();
        } finally {
            store.close();
        }
    }
}
