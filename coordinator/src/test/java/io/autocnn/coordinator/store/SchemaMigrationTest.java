package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;

import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.ended;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store written under the previous schema (version 1) opens under this one with nothing lost: the trial and both
 * its epoch rows survive the rebuild of the trials table that version 2 makes (trial_epochs cascades from it), and
 * the new end, TIMED_OUT, can be stored.
 */
class SchemaMigrationTest {

    @TempDir
    Path dir;

    /** A store file whose schema an older AutoCNN left at {@code version}. */
    private Path storeAtVersion(String version) {
        Path file = dir.resolve("autocnn.db");
        Flyway.configure(SqliteStoreFile.class.getClassLoader())
                .dataSource(SqliteConnections.migrationSource(file))
                .locations("classpath:db/migration").target(version).load().migrate();
        return file;
    }

    @Test
    void aVersionOneStoreKeepsEveryTrialAndEpochAndTakesTimedOutTrials() throws Exception {
        Path file = storeAtVersion("1");
        String id = "exp-migrated";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.execute("PRAGMA foreign_keys = ON");
            sql.executeUpdate("INSERT INTO experiments VALUES ('" + id + "', 'old', 'RUNNING', '', '{}', 'h', 0, 0)");
            sql.executeUpdate("INSERT INTO trials VALUES ('" + id + "', 0, 1, 'COMPLETED', NULL, '', '{}', '{}', 2.0, "
                    + "100, 0.2, 0.25, NULL, 5.0, 0)");
            sql.executeUpdate("INSERT INTO trial_epochs VALUES ('" + id + "', 0, 1.0, 1, 0.9, 0.3, 0.3, NULL, 1.0, "
                    + "500.0, 100)");
            sql.executeUpdate("INSERT INTO trial_epochs VALUES ('" + id + "', 0, 2.0, 1, 0.7, 0.2, 0.25, NULL, 1.0, "
                    + "500.0, 100)");
        }

        try (TrialStore store = SqliteTrialStore.open(file)) {
            TrialDetail kept = store.trial(id, 0).orElseThrow();
            assertThat(kept.trial().state()).isEqualTo(TrialState.COMPLETED);
            assertThat(kept.trial().validationError()).hasValue(0.25);
            assertThat(kept.epochs()).hasSize(2);

            for (TrialEvent event : new TrialEvent[]{created(id, 1), started(id, 1, 1, 2), epoch(id, 1, 1, 1, 0.4),
                    ended(id, 1, 1, TrialEventType.TIMED_OUT, 1, 3)}) {
                assertThat(store.appendAndGet(event)).isPresent();
            }
            assertThat(store.trial(id, 1).orElseThrow().trial().state()).isEqualTo(TrialState.TIMED_OUT);
            assertThat(store.progress(id).byState()).containsEntry(TrialState.TIMED_OUT, 1L)
                    .containsEntry(TrialState.COMPLETED, 1L);
            // Deleting the experiment still cascades through the rebuilt table to its epochs.
            assertThat(store.deleteExperiment(id)).isTrue();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement();
             var left = sql.executeQuery("SELECT COUNT(*) FROM trial_epochs")) {
            assertThat(left.getLong(1)).isZero();
        }
    }

    @Test
    void aVersionFourStoresTrialsGetTheirParametersIndexedForFilters() throws Exception {
        Path file = storeAtVersion("4");
        String id = "exp-before-v5";
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement()) {
            sql.executeUpdate("INSERT INTO experiments VALUES ('" + id + "', 'old', 'COMPLETED', '', '{}', 'h', 0, 0)");
            for (int trial = 0; trial < 4; trial++) {
                String parameters = "{\"convBlocks[0].filters\": " + (8 * (trial + 1)) + ", \"training.optimizer\": \""
                        + (trial % 2 == 0 ? "ADAM" : "SGD") + "\"}";
                sql.executeUpdate("INSERT INTO trials (experiment_id, trial_index, attempt, state, message, "
                        + "parameters_json, spec_json, epochs_trained, parameter_count, validation_error, seconds, "
                        + "updated_at) VALUES ('" + id + "', " + trial + ", 1, 'COMPLETED', '', '" + parameters
                        + "', '{}', 1, 100, " + (0.1 * (trial + 1)) + ", 1, 0)");
            }
        }

        try (TrialStore store = SqliteTrialStore.open(file)) {
            TrialPage page = store.trials(id, new TrialQuery(TrialSort.TRIAL, false, Optional.empty(), 0, 10,
                    List.of(new ParameterFilter.Range("convBlocks[0].filters", 10, 30),
                            new ParameterFilter.OneOf("training.optimizer", List.of("SGD")))));
            assertThat(page.total()).isEqualTo(1);
            assertThat(page.rows()).extracting(TrialRow::trialIndex).containsExactly(1);
            assertThat(store.deleteExperiment(id)).isTrue();
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement sql = connection.createStatement();
             var left = sql.executeQuery("SELECT COUNT(*) FROM trial_parameters")) {
            assertThat(left.getLong(1)).as("deleted with their experiment").isZero();
        }
    }
}
