package io.autocnn.coordinator.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE terms of {@link ParameterFilter}s: each keeps the trials whose row for the key in
 * {@code trial_parameters} (one row per trial and sampled parameter) holds a number in the range or one of the
 * values, read from that table's indexes by key and value. Every key and value is a bound parameter.
 */
final class ParameterFilterSql {

    private static final String MATCHING = " AND trial_index IN (SELECT trial_index FROM trial_parameters "
            + "WHERE experiment_id = ? AND key = ? AND ";

    private ParameterFilterSql() {
    }

    /** " AND ..." for each filter, or an empty string. */
    static String terms(List<ParameterFilter> filters) {
        StringBuilder sql = new StringBuilder();
        for (ParameterFilter filter : filters) {
            sql.append(MATCHING);
            if (filter instanceof ParameterFilter.OneOf oneOf) {
                long numbers = oneOf.values().stream().filter(Number.class::isInstance).count();
                long names = oneOf.values().size() - numbers;
                sql.append('(').append(in("number_value", numbers)).append(" OR ").append(in("text_value", names))
                        .append("))");
            } else {
                sql.append("number_value BETWEEN ? AND ?)");
            }
        }
        return sql.toString();
    }

    /** Binds the parameters of {@link #terms} from {@code index}; returns the next free index. */
    static int bind(PreparedStatement statement, int index, String experimentId, List<ParameterFilter> filters)
            throws SQLException {
        for (ParameterFilter filter : filters) {
            statement.setString(index++, experimentId);
            statement.setString(index++, filter.key());
            if (filter instanceof ParameterFilter.OneOf oneOf) {
                for (Object value : oneOf.values()) {
                    if (value instanceof Number number) {
                        statement.setDouble(index++, number.doubleValue());
                    }
                }
                for (Object value : oneOf.values()) {
                    if (!(value instanceof Number)) {
                        statement.setString(index++, String.valueOf(value));
                    }
                }
            } else if (filter instanceof ParameterFilter.Range range) {
                statement.setDouble(index++, range.min());
                statement.setDouble(index++, range.max());
            }
        }
        return index;
    }

    /** {@code column IN (?, ...)} for {@code count} values; a term that holds for none when there are none. */
    private static String in(String column, long count) {
        return count == 0 ? "0" : column + " IN (" + String.join(", ", Collections.nCopies((int) count, "?")) + ")";
    }
}
