package io.autocnn.coordinator.store;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

import static io.autocnn.coordinator.store.SqlValues.setDouble;
import static io.autocnn.coordinator.store.SqlValues.setInstant;
import static io.autocnn.coordinator.store.SqlValues.setOptionalDouble;
import static io.autocnn.coordinator.store.SqlValues.setOptionalLong;

/**
 * Applies a newly stored trial event to the projections ({@code trials}, {@code trial_epochs}), inside the transaction
 * that stored it. Events of an older attempt than the trial's current one (a run the coordinator already gave up on,
 * reporting late) stay in the log but no longer change the projections.
 */
final class TrialProjection {

    private TrialProjection() {
    }

    static void apply(Connection connection, TrialEvent event) throws SQLException {
        OptionalInt currentAttempt = currentAttempt(connection, event);
        if (event.type() == TrialEventType.CREATED) {
            if (currentAttempt.isPresent()) {
                throw new IllegalArgumentException(describe(event) + ": the trial was already created by another event");
            }
            insertTrial(connection, event);
            return;
        }
        if (currentAttempt.isEmpty()) {
            throw new IllegalArgumentException(describe(event) + ": the trial has no CREATED event");
        }
        if (event.attempt() < currentAttempt.getAsInt()) {
            return;
        }
        switch (event.type()) {
            case STARTED -> start(connection, event);
            case EPOCH -> recordEpoch(connection, event);
            default -> endRun(connection, event);
        }
    }

    private static OptionalInt currentAttempt(Connection connection, TrialEvent event) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT attempt FROM trials WHERE experiment_id = ? AND trial_index = ?")) {
            bindTrial(select, 1, event);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? OptionalInt.of(row.getInt(1)) : OptionalInt.empty();
            }
        }
    }

    private static void insertTrial(Connection connection, TrialEvent event) throws SQLException {
        TrialEventPayloads.Created created = TrialEventPayloads.created(event.payloadJson());
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO trials (experiment_id, trial_index, attempt, state, failure_cause, message, parameters_json,
                                    spec_json, epochs_trained, parameter_count, macs, latency_json, training_bytes,
                                    seconds, updated_at)
                VALUES (?, ?, ?, ?, NULL, '', ?, ?, 0, ?, ?, ?, ?, 0, ?)""")) {
            bindTrial(insert, 1, event);
            insert.setInt(3, event.attempt());
            insert.setString(4, TrialState.PENDING.name());
            insert.setString(5, TrialEventPayloads.write(created.parameters()));
            insert.setString(6, TrialEventPayloads.write(created.spec()));
            insert.setLong(7, created.parameterCount());
            insert.setLong(8, created.macs());
            insert.setString(9, created.latency().map(TrialEventPayloads::write).orElse(null));
            setOptionalLong(insert, 10, created.trainingBytes());
            setInstant(insert, 11, event.at());
            insert.executeUpdate();
        }
        insertParameters(connection, event, created.parameters());
    }

    /**
     * The trial's sampled parameters, a row each, for the listing's parameter filters: numbers and names, as the
     * event's JSON holds them (anything else is never sampled).
     */
    private static void insertParameters(Connection connection, TrialEvent event, Map<String, Object> parameters)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO trial_parameters (experiment_id, trial_index, key, number_value, text_value)
                VALUES (?, ?, ?, ?, ?)""")) {
            for (Map.Entry<String, Object> parameter : parameters.entrySet()) {
                Object value = parameter.getValue();
                if (!(value instanceof Number || value instanceof String)) {
                    continue;
                }
                bindTrial(insert, 1, event);
                insert.setString(3, parameter.getKey());
                if (value instanceof Number number) {
                    insert.setDouble(4, number.doubleValue());
                    insert.setNull(5, Types.VARCHAR);
                } else {
                    insert.setNull(4, Types.REAL);
                    insert.setString(5, (String) value);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void start(Connection connection, TrialEvent event) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE trials SET state = ?, attempt = ?, failure_cause = NULL, message = '', updated_at = ?
                WHERE experiment_id = ? AND trial_index = ?""")) {
            update.setString(1, TrialState.RUNNING.name());
            update.setInt(2, event.attempt());
            setInstant(update, 3, event.at());
            bindTrial(update, 4, event);
            update.executeUpdate();
        }
    }

    private static void recordEpoch(Connection connection, TrialEvent event) throws SQLException {
        EpochMetrics metrics = TrialEventPayloads.epoch(event.payloadJson());
        if (Math.abs(metrics.epoch() - event.epoch()) > EpochMetrics.EPOCH_TOLERANCE) {
            throw new IllegalArgumentException(describe(event) + ": its payload reports epoch " + metrics.epoch());
        }
        upsertEpoch(connection, event, metrics);
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE trials SET attempt = ?, epochs_trained = ?, parameter_count = ?, train_error = ?,
                                  validation_error = ?, test_error = ?, updated_at = ?
                WHERE experiment_id = ? AND trial_index = ?""")) {
            update.setInt(1, event.attempt());
            update.setDouble(2, metrics.epoch());
            update.setLong(3, metrics.parameterCount());
            setDouble(update, 4, metrics.trainError());
            setDouble(update, 5, metrics.validationError());
            setOptionalDouble(update, 6, metrics.testError());
            setInstant(update, 7, event.at());
            bindTrial(update, 8, event);
            update.executeUpdate();
        }
    }

    /** A re-run attempt reporting an epoch again replaces that epoch's values. */
    private static void upsertEpoch(Connection connection, TrialEvent event, EpochMetrics metrics) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("""
                INSERT INTO trial_epochs (experiment_id, trial_index, epoch, attempt, train_loss, train_error,
                                          validation_error, test_error, epoch_seconds, examples_per_second,
                                          parameter_count)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (experiment_id, trial_index, epoch) DO UPDATE SET
                    attempt = excluded.attempt, train_loss = excluded.train_loss, train_error = excluded.train_error,
                    validation_error = excluded.validation_error, test_error = excluded.test_error,
                    epoch_seconds = excluded.epoch_seconds, examples_per_second = excluded.examples_per_second,
                    parameter_count = excluded.parameter_count""")) {
            bindTrial(upsert, 1, event);
            upsert.setDouble(3, metrics.epoch());
            upsert.setInt(4, event.attempt());
            setDouble(upsert, 5, metrics.trainLoss());
            setDouble(upsert, 6, metrics.trainError());
            setDouble(upsert, 7, metrics.validationError());
            setOptionalDouble(upsert, 8, metrics.testError());
            setDouble(upsert, 9, metrics.epochSeconds());
            setDouble(upsert, 10, metrics.examplesPerSecond());
            upsert.setLong(11, metrics.parameterCount());
            upsert.executeUpdate();
        }
    }

    /** PAUSED, COMPLETED, PRUNED, FAILED, CANCELLED: the state of the same name; the run's seconds add up. */
    private static void endRun(Connection connection, TrialEvent event) throws SQLException {
        TrialEventPayloads.Ended ended = TrialEventPayloads.ended(event.payloadJson());
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE trials SET state = ?, attempt = ?, epochs_trained = ?, failure_cause = ?, message = ?,
                                  seconds = seconds + ?, updated_at = ?
                WHERE experiment_id = ? AND trial_index = ?""")) {
            update.setString(1, event.type().endState().name());
            update.setInt(2, event.attempt());
            update.setDouble(3, ended.epochsTrained());
            update.setString(4, ended.failureCause().map(FailureCause::name).orElse(null));
            update.setString(5, Objects.requireNonNullElse(ended.message(), ""));
            update.setDouble(6, ended.seconds());
            setInstant(update, 7, event.at());
            bindTrial(update, 8, event);
            update.executeUpdate();
        }
    }

    /** Binds the trial's key (experiment id, trial index) from {@code firstIndex} on. */
    private static void bindTrial(PreparedStatement statement, int firstIndex, TrialEvent event) throws SQLException {
        statement.setString(firstIndex, event.experimentId());
        statement.setInt(firstIndex + 1, event.trialIndex());
    }

    static String describe(TrialEvent event) {
        return event.type() + " event of trial " + event.trialIndex() + " (attempt " + event.attempt()
                + ") of experiment " + event.experimentId();
    }
}
