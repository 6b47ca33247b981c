package io.autocnn.coordinator.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE terms of {@link ParameterFilter}s over {@code trials.parameters_json}: SQLite's {@code json_extract}
 * with the key quoted as one JSON path label (keys hold dots and brackets), every key and value a bound parameter.
 */
final class ParameterFilterSql {

    private ParameterFilterSql() {
    }

    /** " AND ..." for each filter, or an empty string. */
    static String terms(List<ParameterFilter> filters) {
        StringBuilder sql = new StringBuilder();
        for (ParameterFilter filter : filters) {
            sql.append(" AND json_extract(parameters_json, ?)");
            if (filter instanceof ParameterFilter.OneOf oneOf) {
                sql.append(" IN (").append(String.join(", ", Collections.nCopies(oneOf.values().size(), "?")))
                        .append(')');
            } else {
                sql.append(" BETWEEN ? AND ?");
            }
        }
        return sql.toString();
    }

    /** Binds the parameters of {@link #terms} from {@code index}; returns the next free index. */
    static int bind(PreparedStatement statement, int index, List<ParameterFilter> filters) throws SQLException {
        for (ParameterFilter filter : filters) {
            statement.setString(index++, "$.\"" + filter.key().replace("\"", "\\\"") + "\"");
            if (filter instanceof ParameterFilter.OneOf oneOf) {
                for (Object value : oneOf.values()) {
                    if (value instanceof Number number) {
                        statement.setDouble(index++, number.doubleValue());
                    } else {
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
}
