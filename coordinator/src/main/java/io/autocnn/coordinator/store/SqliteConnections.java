package io.autocnn.coordinator.store;

import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The connections of one SQLite trial store file: a single write connection behind a lock (SQLite allows one writer at
 * a time; serialising here avoids busy retries) and a pool of read connections, which WAL lets read a consistent
 * snapshot while the writer commits. Every unit of work runs in its own transaction.
 */
final class SqliteConnections implements AutoCloseable {

    /** Work on one connection inside a transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Another process (a CLI reading the file, a backup) may hold a lock briefly: wait rather than fail at once. */
    private static final int BUSY_TIMEOUT_MILLIS = 10_000;
    /** Idle read connections kept open; more are opened under load and closed when returned. */
    private static final int IDLE_READERS = 4;

    private final Path file;
    private final SQLiteDataSource readerSource;
    private final Connection writer;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final BlockingDeque<Connection> idleReaders = new LinkedBlockingDeque<>(IDLE_READERS);
    private volatile boolean closed;

    private SqliteConnections(Path file, Connection writer, SQLiteDataSource readerSource) {
        this.file = file;
        this.writer = writer;
        this.readerSource = readerSource;
    }

    /** Opens the write connection, which creates the file and switches it to WAL; SQL errors propagate as they are. */
    static SqliteConnections open(Path file) throws SQLException {
        Connection writer = writerSource(file).getConnection();
        return new SqliteConnections(file, writer, readerSource(file));
    }

    /**
     * A data source configured like the write connection but without foreign-key enforcement, for the schema
     * migration: SQLite changes a table's constraints only by rebuilding the table, and dropping the old one under
     * enforcement would cascade to the rows that refer to it (a trial's epochs). Migrations check the keys themselves.
     */
    static SQLiteDataSource migrationSource(Path file) {
        SQLiteDataSource source = writerSource(file);
        source.setEnforceForeignKeys(false);
        return source;
    }

    /** A data source configured like the write connection. */
    static SQLiteDataSource writerSource(Path file) {
        SQLiteConfig config = commonConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a commit is written to the WAL (the OS page cache) before it returns, so it survives the
        // process being killed; only an OS crash or power loss can lose the last commits (never corrupt the file).
        // FULL would add an fsync per commit, which is what appends per epoch would pay for power-loss durability.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        return dataSource(file, config);
    }

    private static SQLiteDataSource readerSource(Path file) {
        return dataSource(file, commonConfig());
    }

    private static SQLiteConfig commonConfig() {
        SQLiteConfig config = new SQLiteConfig();
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        config.enforceForeignKeys(true);
        return config;
    }

    private static SQLiteDataSource dataSource(Path file, SQLiteConfig config) {
        SQLiteDataSource source = new SQLiteDataSource(config);
        source.setUrl("jdbc:sqlite:" + file);
        return source;
    }

    Path file() {
        return file;
    }

    /** Runs {@code work} in a write transaction (one writer at a time), committing when it returns normally. */
    <T> T write(String what, SqlWork<T> work) {
        writeLock.lock();
        try {
            requireOpen();
            // IMMEDIATE takes the file's write lock at BEGIN: a transaction never fails half-way on another process's lock.
            return inTransaction(writer, "BEGIN IMMEDIATE", what, work);
        } finally {
            writeLock.unlock();
        }
    }

    /** Runs {@code work} in a read transaction, so every query of it sees the same snapshot. */
    <T> T read(String what, SqlWork<T> work) {
        requireOpen();
        Connection reader = idleReaders.pollFirst();
        try {
            if (reader == null) {
                reader = openReader();
            }
            return inTransaction(reader, "BEGIN", what, work);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            if (reader != null) {
                release(reader);
            }
        }
    }

    private Connection openReader() throws SQLException {
        Connection reader = readerSource.getConnection();
        try (Statement statement = reader.createStatement()) {
            statement.execute("PRAGMA query_only = ON");
        }
        return reader;
    }

    private void release(Connection reader) {
        if (closed || !idleReaders.offerFirst(reader)) {
            closeQuietly(reader);
        } else if (closed && idleReaders.remove(reader)) {
            closeQuietly(reader); // close() ran while this reader was in use
        }
    }

    private <T> T inTransaction(Connection connection, String begin, String what, SqlWork<T> work) {
        try (Statement statement = connection.createStatement()) {
            statement.execute(begin);
            try {
                T result = work.run(connection);
                statement.execute("COMMIT");
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(statement, e);
                throw e;
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static void rollbackQuietly(Statement statement, Exception cause) {
        try {
            statement.execute("ROLLBACK");
        } catch (SQLException rollbackFailure) {
            cause.addSuppressed(rollbackFailure);
        }
    }

    private IllegalStateException failure(String what, SQLException e) {
        return new IllegalStateException("trial store " + file + ": " + what + " failed: " + e.getMessage(), e);
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("trial store " + file + " is closed");
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Connection reader = idleReaders.pollFirst(); reader != null; reader = idleReaders.pollFirst()) {
                closeQuietly(reader);
            }
            closeQuietly(writer);
        } finally {
            writeLock.unlock();
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing is pending on a connection being closed: every transaction has committed or rolled back.
        }
    }
}
