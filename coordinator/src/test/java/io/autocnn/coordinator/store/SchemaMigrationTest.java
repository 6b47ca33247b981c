package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

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

    @Test
    void aVersionOneStoreKeepsEveryTrialAndEpochAndTakesTimedOutTrials() throws Exception {
        Path file = dir.resolve("autocnn.db");
        Flyway.configure(SqliteStoreFile.class.getClassLoader())
                .dataSource(SqliteConnections.migrationSource(file))
                .locations("classpath:db/migration").target("1").load().migrate();
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
}
