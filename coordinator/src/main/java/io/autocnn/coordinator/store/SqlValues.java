package io.autocnn.coordinator.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * How the store's Java values map to SQLite columns: instants as epoch milliseconds, absent doubles as NULL. SQLite
 * stores NaN as NULL, so a NaN metric reads back as absent (optional columns) or NaN (required ones).
 */
final class SqlValues {

    private SqlValues() {
    }

    static void setInstant(PreparedStatement statement, int index, Instant value) throws SQLException {
        statement.setLong(index, value.toEpochMilli());
    }

    static Instant getInstant(ResultSet row, String column) throws SQLException {
        return Instant.ofEpochMilli(row.getLong(column));
    }

    static void setDouble(PreparedStatement statement, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            statement.setNull(index, Types.REAL);
        } else {
            statement.setDouble(index, value);
        }
    }

    static void setOptionalDouble(PreparedStatement statement, int index, OptionalDouble value) throws SQLException {
        setDouble(statement, index, value.orElse(Double.NaN));
    }

    static OptionalDouble getOptionalDouble(ResultSet row, String column) throws SQLException {
        double value = row.getDouble(column);
        return row.wasNull() ? OptionalDouble.empty() : OptionalDouble.of(value);
    }

    static OptionalLong getOptionalLong(ResultSet row, String column) throws SQLException {
        long value = row.getLong(column);
        return row.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }

    static void setOptionalLong(PreparedStatement statement, int index, OptionalLong value) throws SQLException {
        if (value.isPresent()) {
            statement.setLong(index, value.getAsLong());
        } else {
            statement.setNull(index, java.sql.Types.INTEGER);
        }
    }

    /** A required metric: NULL is the NaN it was stored as. */
    static double getDoubleOrNaN(ResultSet row, String column) throws SQLException {
        return getOptionalDouble(row, column).orElse(Double.NaN);
    }
}
