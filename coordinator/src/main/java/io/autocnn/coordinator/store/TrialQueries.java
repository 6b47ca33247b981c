package io.autocnn.coordinator.store;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import static io.autocnn.coordinator.store.SqlValues.getDoubleOrNaN;
import static io.autocnn.coordinator.store.SqlValues.getInstant;
import static io.autocnn.coordinator.store.SqlValues.getOptionalDouble;
import static io.autocnn.coordinator.store.SqlValues.getOptionalLong;

/** What the API and the leaderboard read from the trial projections. */
final class TrialQueries {

    private static final String ROW_COLUMNS = "trial_index, attempt, state, failure_cause, message, parameters_json, "
            + "spec_json, epochs_trained, parameter_count, macs, latency_json, training_bytes, train_error, "
            + "validation_error, test_error, seconds, "
            + "updated_at";

    private TrialQueries() {
    }

    static TrialPage page(Connection connection, String experimentId, TrialQuery query) throws SQLException {
        return new TrialPage(count(connection, experimentId, query), rows(connection, experimentId, query));
    }

    /**
     * The page's SQL; its parameters are those of {@link #where} ({@link #bindWhere}), then limit and offset.
     */
    static String pageSql(TrialQuery query) {
        return "SELECT " + ROW_COLUMNS + " FROM trials" + where(query)
                + " " + TrialSortSql.orderBy(query.sort(), query.descending()) + " LIMIT ? OFFSET ?";
    }

    /** The listing's WHERE clause: the experiment, the state when filtered, the parameter filters. */
    private static String where(TrialQuery query) {
        return " WHERE experiment_id = ?" + (query.state().isPresent() ? " AND state = ?" : "")
                + ParameterFilterSql.terms(query.where());
    }

    private static int bindWhere(PreparedStatement statement, String experimentId, TrialQuery query)
            throws SQLException {
        int index = 1;
        statement.setString(index++, experimentId);
        if (query.state().isPresent()) {
            statement.setString(index++, query.state().get().name());
        }
        return ParameterFilterSql.bind(statement, index, experimentId, query.where());
    }

    private static List<TrialRow> rows(Connection connection, String experimentId, TrialQuery query)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(pageSql(query))) {
            int index = bindWhere(select, experimentId, query);
            select.setInt(index++, query.limit());
            select.setInt(index, query.offset());
            return rowsOf(select, query.limit());
        }
    }

    /** The rows {@code select} answers (at most {@code limit}, a page's). */
    private static List<TrialRow> rowsOf(PreparedStatement select, int limit) throws SQLException {
        try (ResultSet result = select.executeQuery()) {
            List<TrialRow> rows = new ArrayList<>(limit);
            while (result.next()) {
                rows.add(trialRow(result));
            }
            return rows;
        }
    }

    /**
     * {@code min(limit, total)} of the {@code total} trials the query matches, evenly spread over them in its order:
     * the one at place i (from 0) is taken when {@code floor(i * limit / total)} steps up from place i - 1, which
     * happens exactly {@code limit} times, the first at the first place. The offset is not used.
     */
    static TrialPage spread(Connection connection, String experimentId, TrialQuery query) throws SQLException {
        long total = count(connection, experimentId, query);
        try (PreparedStatement select = connection.prepareStatement(spreadSql(query))) {
            int index = bindWhere(select, experimentId, query);
            for (int k = 0; k < 2; k++) {
                select.setLong(index++, query.limit());
                select.setLong(index++, Math.max(1, total));
            }
            select.setInt(index++, query.limit());
            select.setString(index, experimentId);
            return new TrialPage(total, rowsOf(select, query.limit()));
        }
    }

    /**
     * The spread's SQL: the places are numbered over the trial indexes alone (read from the ranking index, without
     * the rows) and only the chosen trials' rows are read. Parameters: those of {@link #where}, then limit, total,
     * limit, total, limit, and the experiment id.
     */
    static String spreadSql(TrialQuery query) {
        return "SELECT " + ROW_COLUMNS + " FROM (SELECT trial_index AS chosen, place FROM (SELECT trial_index, "
                + "row_number() OVER (" + TrialSortSql.orderBy(query.sort(), query.descending()) + ") - 1 AS place "
                + "FROM trials" + where(query) + ") WHERE place = 0 OR (place * ?) / ? > ((place - 1) * ?) / ? "
                + "LIMIT ?) JOIN trials ON experiment_id = ? AND trial_index = chosen ORDER BY place";
    }

    private static long count(Connection connection, String experimentId, TrialQuery query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM trials" + where(query))) {
            bindWhere(select, experimentId, query);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        }
    }

    static Optional<TrialDetail> detail(Connection connection, String experimentId, int trialIndex)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT " + ROW_COLUMNS + " FROM trials WHERE experiment_id = ? AND trial_index = ?")) {
            select.setString(1, experimentId);
            select.setInt(2, trialIndex);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new TrialDetail(trialRow(result), epochs(connection, experimentId, trialIndex)));
            }
        }
    }

    private static List<EpochMetrics> epochs(Connection connection, String experimentId, int trialIndex)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("""
                SELECT epoch, train_loss, train_error, validation_error, test_error, epoch_seconds,
                       examples_per_second, parameter_count
                FROM trial_epochs WHERE experiment_id = ? AND trial_index = ? ORDER BY epoch""")) {
            select.setString(1, experimentId);
            select.setInt(2, trialIndex);
            try (ResultSet result = select.executeQuery()) {
                List<EpochMetrics> epochs = new ArrayList<>();
                while (result.next()) {
                    epochs.add(new EpochMetrics(result.getDouble("epoch"), getDoubleOrNaN(result, "train_loss"),
                            getDoubleOrNaN(result, "train_error"), getDoubleOrNaN(result, "validation_error"),
                            getOptionalDouble(result, "test_error"), getDoubleOrNaN(result, "epoch_seconds"),
                            getDoubleOrNaN(result, "examples_per_second"), result.getLong("parameter_count")));
                }
                return epochs;
            }
        }
    }

    static ExperimentProgress progress(Connection connection, String experimentId) throws SQLException {
        Map<TrialState, Long> byState = new EnumMap<>(TrialState.class);
        for (TrialState state : TrialState.values()) {
            byState.put(state, 0L);
        }
        long trials = 0;
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT state, count(*) FROM trials WHERE experiment_id = ? GROUP BY state")) {
            select.setString(1, experimentId);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    byState.put(TrialState.valueOf(result.getString(1)), result.getLong(2));
                    trials += result.getLong(2);
                }
            }
        }
        // The ranking's first row; trials without a validation error sort last, so an empty error means none has one.
        Optional<TrialRow> best = rows(connection, experimentId, TrialQuery.ranking(0, 1)).stream().findFirst()
                .filter(row -> row.validationError().isPresent());
        return new ExperimentProgress(trials, Collections.unmodifiableMap(byState),
                best.map(TrialRow::validationError).orElse(OptionalDouble.empty()),
                best.map(row -> OptionalInt.of(row.trialIndex())).orElse(OptionalInt.empty()));
    }

    private static TrialRow trialRow(ResultSet result) throws SQLException {
        return new TrialRow(result.getInt("trial_index"), result.getInt("attempt"),
                TrialState.valueOf(result.getString("state")),
                Optional.ofNullable(result.getString("failure_cause")).map(FailureCause::valueOf),
                result.getString("message"), result.getString("parameters_json"), result.getString("spec_json"),
                result.getDouble("epochs_trained"), result.getLong("parameter_count"), result.getLong("macs"),
                Optional.ofNullable(result.getString("latency_json")).map(TrialEventPayloads::latency),
                getOptionalLong(result, "training_bytes"),
                getOptionalDouble(result, "train_error"), getOptionalDouble(result, "validation_error"),
                getOptionalDouble(result, "test_error"), result.getDouble("seconds"),
                getInstant(result, "updated_at"));
    }
}
