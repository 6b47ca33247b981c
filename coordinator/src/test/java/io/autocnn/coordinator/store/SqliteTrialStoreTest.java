package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract on a real SQLite file, plus what only the file on disk can show. */
class SqliteTrialStoreTest extends TrialStoreContract {

    @Override
    protected TrialStore newStore(Path dir) {
        return SqliteTrialStore.open(dir.resolve("store").resolve("trials.db"));
    }

    private Path storeFile() {
        return dir.resolve("store").resolve("trials.db");
    }

    /** A plain connection to the file, beside the store's own. */
    static Connection rawConnection(Path file) throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    /** One column of every row a query returns. */
    static List<String> column(Connection connection, String sql, String label) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (result.next()) {
                values.add(result.getString(label));
            }
            return values;
        }
    }

    @Test
    void everythingSurvivesClosingAndReopening() {
        store.appendAndGet(created(experimentId, 0));
        store.appendAndGet(started(experimentId, 0, 1, 2));
        store.appendAndGet(epoch(experimentId, 0, 1, 1, 0.25));
        store.saveSearchState(experimentId, new SearchState("{\"a\":1}", "{\"b\":2}", 1, 12.5));
        ExperimentRecord experiment = store.experiment(experimentId).orElseThrow();
        List<TrialEvent> events = store.events(experimentId, 0, 100);
        TrialDetail trial = store.trial(experimentId, 0).orElseThrow();
        store.close();

        store = SqliteTrialStore.open(storeFile());

        assertThat(store.experiment(experimentId)).contains(experiment);
        assertThat(store.events(experimentId, 0, 100)).isEqualTo(events);
        assertThat(store.trial(experimentId, 0)).contains(trial);
        assertThat(store.searchState(experimentId)).contains(new SearchState("{\"a\":1}", "{\"b\":2}", 1, 12.5));
        assertThat(store.appendAndGet(epoch(experimentId, 0, 1, 1, 0.25))).as("the event key is still known").isEmpty();
    }

    @Test
    void theFileIsInWalModeWithForeignKeysEnforced() throws SQLException {
        try (Connection raw = rawConnection(storeFile())) {
            assertThat(column(raw, "PRAGMA journal_mode", "journal_mode")).containsExactly("wal");
            raw.createStatement().execute("PRAGMA foreign_keys = ON");
            assertThatThrownBy(() -> raw.createStatement().execute("INSERT INTO trial_epochs (experiment_id, "
                    + "trial_index, epoch, attempt, parameter_count) VALUES ('" + experimentId + "', 99, 1, 1, 0)"))
                    .as("an epoch of a trial that does not exist").isInstanceOf(SQLException.class)
                    .hasMessageContaining("FOREIGN KEY");
        }
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedByName() throws IOException {
        Path notADatabase = dir.resolve("notes.db");
        Files.writeString(notADatabase, "these are notes, not a database ".repeat(100));

        assertThatThrownBy(() -> SqliteTrialStore.open(notADatabase))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(notADatabase.toString())
                .hasMessageContaining("not a SQLite database");
    }

    @Test
    void aSchemaFromANewerVersionIsRefusedByName() throws SQLException {
        store.close();
        try (Connection raw = rawConnection(storeFile()); Statement statement = raw.createStatement()) {
            statement.execute("INSERT INTO flyway_schema_history (installed_rank, version, description, type, script, "
                    + "checksum, installed_by, execution_time, success) "
                    + "VALUES (99, '99', 'from the future', 'SQL', 'V99__from_the_future.sql', 0, 'autocnn', 0, 1)");
        }

        assertThatThrownBy(() -> SqliteTrialStore.open(storeFile()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(storeFile().toString())
                .hasMessageContaining("schema version 99")
                .hasMessageContaining("newer");
        store = SqliteTrialStore.open(dir.resolve("other.db")); // for the contract's closing
    }

    @Test
    void aClosedStoreSaysSo() {
        store.close();

        assertThatThrownBy(() -> store.experiments()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(storeFile().toString()).hasMessageContaining("closed");
        assertThatThrownBy(() -> store.appendAndGet(created(experimentId, 0))).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }

    @Test
    void parameterFiltersReadTheParameterIndexesNotEveryTrialsParameters() throws SQLException {
        String sql = TrialQueries.pageSql(new TrialQuery(TrialSort.VALIDATION_ERROR, false, Optional.empty(), 0, 50,
                List.of(new ParameterFilter.Range("convBlocks[0].filters", 16, 32),
                        new ParameterFilter.OneOf("training.optimizer", List.of("SGD")))));
        try (Connection raw = rawConnection(storeFile())) {
            String plan = String.join("\n", column(raw, "EXPLAIN QUERY PLAN " + sql, "detail"));
            assertThat(plan).contains("trial_parameters_by_number").contains("trial_parameters_by_text")
                    .doesNotContain("json_extract");
        }
    }

    @Test
    void aSpreadOfTheCompletedRankingNumbersItsPlacesFromTheIndexAloneAndReadsOnlyTheChosenRows()
            throws SQLException {
        String sql = TrialQueries.spreadSql(new TrialQuery(TrialSort.VALIDATION_ERROR, false,
                Optional.of(TrialState.COMPLETED), 0, 500));
        try (Connection raw = rawConnection(storeFile())) {
            String plan = String.join("\n", column(raw, "EXPLAIN QUERY PLAN " + sql, "detail"));
            assertThat(plan).contains("USING COVERING INDEX trials_by_state_and_validation_error")
                    .contains("USING INDEX sqlite_autoindex_trials_1").doesNotContain("SCAN trials");
        }
    }

    @Test
    void rankingsAndEventStreamsAreReadInIndexOrderWithoutSorting() throws SQLException {
        List<String> statements = List.of(
                TrialQueries.pageSql(TrialQuery.ranking(0, 50)),
                TrialQueries.pageSql(new TrialQuery(TrialSort.VALIDATION_ERROR, false,
                        Optional.of(TrialState.COMPLETED), 0, 50)),
                SqliteTrialStore.EVENTS_AFTER_SQL);
        try (Connection raw = rawConnection(storeFile())) {
            for (String sql : statements) {
                // EXPLAIN QUERY PLAN needs no parameter values: unbound ones are NULL
                String plan = String.join("\n", column(raw, "EXPLAIN QUERY PLAN " + sql, "detail"));
                assertThat(plan).as(sql).contains("USING INDEX").doesNotContain("TEMP B-TREE");
            }
        }
    }
}
