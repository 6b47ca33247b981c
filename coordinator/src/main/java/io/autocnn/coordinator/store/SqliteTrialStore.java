package io.autocnn.coordinator.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import static io.autocnn.coordinator.store.SqlValues.getInstant;
import static io.autocnn.coordinator.store.SqlValues.setInstant;

/**
 * The trial store in one SQLite file (WAL mode): the coordinator's durable memory. See {@link TrialStore} for the
 * contract. Writes are serialised on one connection; reads run concurrently on others. Reads of an experiment that
 * does not exist return empty results; writes to one are an IllegalArgumentException.
 */
public final class SqliteTrialStore implements TrialStore {

    private static final String EXPERIMENT_COLUMNS =
            "id, name, status, reason, definition_json, space_hash, created_at, updated_at";
    private static final String EVENT_COLUMNS =
            "sequence, experiment_id, trial_index, attempt, type, epoch, payload_json, at";
    /** Parameters: experiment id, the sequence to read after, limit. */
    static final String EVENTS_AFTER_SQL = "SELECT " + EVENT_COLUMNS
            + " FROM trial_events WHERE experiment_id = ? AND sequence > ? ORDER BY sequence LIMIT ?";

    private final SqliteConnections connections;

    private SqliteTrialStore(SqliteConnections connections) {
        this.connections = connections;
    }

    /**
     * Opens the store in {@code databaseFile}, creating the file and its folder when missing and migrating its schema.
     *
     * @throws IllegalStateException naming the file when it is not a SQLite database, a newer AutoCNN wrote its schema,
     *                               or it cannot be created or read
     */
    public static SqliteTrialStore open(Path databaseFile) {
        return new SqliteTrialStore(SqliteStoreFile.open(databaseFile));
    }

    @Override
    public ExperimentRecord createExperiment(NewExperiment experiment) {
        Objects.requireNonNull(experiment, "experiment");
        Instant now = now();
        return connections.write("creating experiment " + experiment.name(), connection -> {
            while (true) { // a repeated random id (60 bits) is next to impossible, but costs only another draw
                ExperimentRecord record = new ExperimentRecord(ExperimentIds.next(), experiment.name(),
                        ExperimentStatus.RUNNING, "", experiment.definitionJson(), experiment.spaceHash(), now, now);
                if (insertExperiment(connection, record)) {
                    return record;
                }
            }
        });
    }

    private static boolean insertExperiment(Connection connection, ExperimentRecord record) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO experiments (" + EXPERIMENT_COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
            insert.setString(1, record.id());
            insert.setString(2, record.name());
            insert.setString(3, record.status().name());
            insert.setString(4, record.reason());
            insert.setString(5, record.definitionJson());
            insert.setString(6, record.spaceHash());
            setInstant(insert, 7, record.createdAt());
            setInstant(insert, 8, record.updatedAt());
            return insert.executeUpdate() == 1;
        }
    }

    @Override
    public Optional<ExperimentRecord> experiment(String experimentId) {
        return connections.read("reading experiment " + experimentId, connection ->
                selectExperiments(connection, "WHERE id = ?", experimentId).stream().findFirst());
    }

    @Override
    public List<ExperimentRecord> experiments() {
        // rowid breaks ties between experiments created within the same millisecond
        return connections.read("listing experiments", connection ->
                selectExperiments(connection, "ORDER BY created_at DESC, rowid DESC"));
    }

    private static List<ExperimentRecord> selectExperiments(Connection connection, String clauses, String... parameters)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + EXPERIMENT_COLUMNS + " FROM experiments " + clauses)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            try (ResultSet result = select.executeQuery()) {
                List<ExperimentRecord> records = new ArrayList<>();
                while (result.next()) {
                    records.add(new ExperimentRecord(result.getString("id"), result.getString("name"),
                            ExperimentStatus.valueOf(result.getString("status")), result.getString("reason"),
                            result.getString("definition_json"), result.getString("space_hash"),
                            getInstant(result, "created_at"), getInstant(result, "updated_at")));
                }
                return records;
            }
        }
    }

    @Override
    public void updateStatus(String experimentId, ExperimentStatus status, String reason) {
        Objects.requireNonNull(status, "status");
        Instant now = now();
        connections.write("updating the status of experiment " + experimentId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE experiments SET status = ?, reason = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, status.name());
                update.setString(2, Objects.requireNonNullElse(reason, ""));
                setInstant(update, 3, now);
                update.setString(4, experimentId);
                if (update.executeUpdate() == 0) {
                    throw noSuchExperiment(experimentId);
                }
                return null;
            }
        });
    }

    @Override
    public void updateDefinition(String experimentId, String definitionJson) {
        Objects.requireNonNull(definitionJson, "definitionJson");
        Instant now = now();
        connections.write("updating the definition of experiment " + experimentId, connection -> {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE experiments SET definition_json = ?, updated_at = ? WHERE id = ?")) {
                update.setString(1, definitionJson);
                setInstant(update, 2, now);
                update.setString(3, experimentId);
                if (update.executeUpdate() == 0) {
                    throw noSuchExperiment(experimentId);
                }
                return null;
            }
        });
    }

    @Override
    public boolean deleteExperiment(String experimentId) {
        // The schema's ON DELETE CASCADE removes its events, trials, epochs and search state in the same transaction.
        return connections.write("deleting experiment " + experimentId, connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM experiments WHERE id = ?")) {
                delete.setString(1, experimentId);
                return delete.executeUpdate() > 0;
            }
        });
    }

    @Override
    public Optional<TrialEvent> appendAndGet(TrialEvent event) {
        requireValid(event);
        long sequence = connections.write("appending " + TrialProjection.describe(event),
                connection -> appendIn(connection, event));
        return sequence == 0 ? Optional.empty() : Optional.of(event.withSequence(sequence));
    }

    /** Appends many events in one transaction (all or none); how many were new. For bulk loads and benchmarks. */
    int appendAll(List<TrialEvent> events) {
        events.forEach(SqliteTrialStore::requireValid);
        return connections.write("appending " + events.size() + " events", connection -> {
            int appended = 0;
            for (TrialEvent event : events) {
                appended += appendIn(connection, event) == 0 ? 0 : 1;
            }
            return appended;
        });
    }

    /** The sequence assigned to the event, 0 when it was a repeat. */
    private long appendIn(Connection connection, TrialEvent event) throws SQLException {
        requireExperiment(connection, event.experimentId());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO trial_events (experiment_id, trial_index, attempt, type, epoch, payload_json, at)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (experiment_id, trial_index, attempt, type, epoch) DO NOTHING""")) {
            insert.setString(1, event.experimentId());
            insert.setInt(2, event.trialIndex());
            insert.setInt(3, event.attempt());
            insert.setString(4, event.type().name());
            insert.setDouble(5, event.epoch());
            insert.setString(6, event.payloadJson());
            setInstant(insert, 7, event.at());
            if (insert.executeUpdate() == 0) {
                return 0;
            }
        }
        long sequence;
        try (PreparedStatement assigned = connection.prepareStatement("SELECT last_insert_rowid()");
             ResultSet result = assigned.executeQuery()) {
            result.next();
            sequence = result.getLong(1); // the sequence column is the rowid; the write connection is not shared
        }
        TrialProjection.apply(connection, event);
        return sequence;
    }

    private static void requireValid(TrialEvent event) {
        Objects.requireNonNull(event, "event");
        if (event.experimentId() == null || event.type() == null || event.payloadJson() == null || event.at() == null) {
            throw new IllegalArgumentException("a trial event needs an experiment id, a type, a payload and a time: "
                    + event);
        }
        if (event.trialIndex() < 0 || event.attempt() < 1 || !(event.epoch() >= 0) || Double.isInfinite(event.epoch())) {
            throw new IllegalArgumentException(TrialProjection.describe(event)
                    + ": trial index must be at least 0, attempt at least 1 and epoch finite and not negative, got epoch "
                    + event.epoch());
        }
    }

    @Override
    public List<TrialEvent> events(String experimentId, long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return connections.read("reading the events of experiment " + experimentId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(EVENTS_AFTER_SQL)) {
                select.setString(1, experimentId);
                select.setLong(2, afterSequence);
                select.setInt(3, limit);
                try (ResultSet result = select.executeQuery()) {
                    List<TrialEvent> events = new ArrayList<>();
                    while (result.next()) {
                        events.add(new TrialEvent(result.getLong("sequence"), result.getString("experiment_id"),
                                result.getInt("trial_index"), result.getInt("attempt"),
                                TrialEventType.valueOf(result.getString("type")), result.getDouble("epoch"),
                                result.getString("payload_json"), getInstant(result, "at")));
                    }
                    return events;
                }
            }
        });
    }

    @Override
    public long lastSequence(String experimentId) {
        return connections.read("reading the last sequence of experiment " + experimentId, connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT coalesce(max(sequence), 0) FROM trial_events WHERE experiment_id = ?")) {
                select.setString(1, experimentId);
                try (ResultSet result = select.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            }
        });
    }

    @Override
    public TrialPage trials(String experimentId, TrialQuery query) {
        Objects.requireNonNull(query, "query");
        return connections.read("listing the trials of experiment " + experimentId,
                connection -> TrialQueries.page(connection, experimentId, query));
    }

    @Override
    public TrialPage spread(String experimentId, TrialQuery query) {
        Objects.requireNonNull(query, "query");
        return connections.read("sampling the trials of experiment " + experimentId,
                connection -> TrialQueries.spread(connection, experimentId, query));
    }

    @Override
    public Optional<TrialDetail> trial(String experimentId, int trialIndex) {
        return connections.read("reading trial " + trialIndex + " of experiment " + experimentId,
                connection -> TrialQueries.detail(connection, experimentId, trialIndex));
    }

    @Override
    public ExperimentProgress progress(String experimentId) {
        return connections.read("reading the progress of experiment " + experimentId,
                connection -> TrialQueries.progress(connection, experimentId));
    }

    @Override
    public void saveSearchState(String experimentId, SearchState state) {
        Objects.requireNonNull(state, "state");
        Instant now = now();
        connections.write("saving the search state of experiment " + experimentId, connection -> {
            requireExperiment(connection, experimentId);
            try (PreparedStatement upsert = connection.prepareStatement("""
                    INSERT INTO search_state (experiment_id, sampler_state, scheduler_state, next_trial_index,
                                              elapsed_seconds, updated_at)
                    VALUES (?, ?, ?, ?, ?, ?)
                    ON CONFLICT (experiment_id) DO UPDATE SET sampler_state = excluded.sampler_state,
                        scheduler_state = excluded.scheduler_state, next_trial_index = excluded.next_trial_index,
                        elapsed_seconds = excluded.elapsed_seconds, updated_at = excluded.updated_at""")) {
                upsert.setString(1, experimentId);
                upsert.setString(2, state.samplerState());
                upsert.setString(3, state.schedulerState());
                upsert.setInt(4, state.nextTrialIndex());
                upsert.setDouble(5, state.elapsedSeconds());
                setInstant(upsert, 6, now);
                upsert.executeUpdate();
                return null;
            }
        });
    }

    @Override
    public Optional<SearchState> searchState(String experimentId) {
        return connections.read("reading the search state of experiment " + experimentId, connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT sampler_state, scheduler_state, "
                    + "next_trial_index, elapsed_seconds FROM search_state WHERE experiment_id = ?")) {
                select.setString(1, experimentId);
                try (ResultSet result = select.executeQuery()) {
                    return result.next()
                            ? Optional.of(new SearchState(result.getString(1), result.getString(2), result.getInt(3),
                                    result.getDouble(4)))
                            : Optional.empty();
                }
            }
        });
    }

    private void requireExperiment(Connection connection, String experimentId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT 1 FROM experiments WHERE id = ?")) {
            select.setString(1, experimentId);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    throw noSuchExperiment(experimentId);
                }
            }
        }
    }

    private IllegalArgumentException noSuchExperiment(String experimentId) {
        return new IllegalArgumentException("no experiment " + experimentId + " in trial store " + connections.file());
    }

    /** Instants are stored to the millisecond: what is returned must equal what is read back. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    public void close() {
        connections.close();
    }
}
