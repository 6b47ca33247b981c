package io.autocnn.coordinator.store;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationState;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Opening a trial store file: creates it (and its folder) when missing, refuses files that are not SQLite databases or
 * whose schema a newer AutoCNN wrote, and brings older schemas up to date with the migrations in {@code db/migration}.
 */
final class SqliteStoreFile {

    private static final String MIGRATIONS = "classpath:db/migration";

    private SqliteStoreFile() {
    }

    static SqliteConnections open(Path databaseFile) {
        Path file = databaseFile.toAbsolutePath().normalize();
        createFolder(file);
        SqliteConnections connections;
        try {
            connections = SqliteConnections.open(file);
        } catch (SQLException e) {
            throw cannotOpen(file, e);
        }
        try {
            migrate(file);
            return connections;
        } catch (RuntimeException e) {
            connections.close();
            throw e;
        }
    }

    private static void createFolder(Path file) {
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the folder of trial store " + file + ": " + e, e);
        }
    }

    private static IllegalStateException cannotOpen(Path file, SQLException e) {
        if (e instanceof SQLiteException sqlite && sqlite.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
            return new IllegalStateException("cannot open trial store " + file
                    + ": the file is not a SQLite database (was another file given as the data directory's store?)", e);
        }
        return new IllegalStateException("cannot open trial store " + file + ": " + e.getMessage(), e);
    }

    private static void migrate(Path file) {
        Flyway flyway = Flyway.configure(SqliteStoreFile.class.getClassLoader())
                .dataSource(SqliteConnections.migrationSource(file))
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load();
        try {
            refuseNewerSchema(file, flyway.info());
            flyway.migrate();
        } catch (FlywayException e) {
            throw new IllegalStateException("cannot open trial store " + file + ": its schema could not be checked or "
                    + "migrated: " + e.getMessage(), e);
        }
    }

    /** A newer AutoCNN's schema may mean things this version would misread or overwrite: leave the file alone. */
    private static void refuseNewerSchema(Path file, MigrationInfoService info) {
        Optional<MigrationInfo> newest = Arrays.stream(info.applied())
                .filter(SqliteStoreFile::isFromNewerVersion)
                .reduce((first, second) -> second);
        if (newest.isPresent()) {
            String known = Arrays.stream(info.all())
                    .filter(migration -> !isFromNewerVersion(migration))
                    .reduce((first, second) -> second)
                    .map(migration -> migration.getVersion().getVersion())
                    .orElse("none");
            throw new IllegalStateException("cannot open trial store " + file + ": its schema version "
                    + newest.get().getVersion() + " was written by a newer AutoCNN (this one knows versions up to "
                    + known + "); open it with that version or use another data directory");
        }
    }

    /** Applied to the file, but unknown to the migrations of this version. */
    private static boolean isFromNewerVersion(MigrationInfo migration) {
        return migration.getState() == MigrationState.FUTURE_SUCCESS
                || migration.getState() == MigrationState.FUTURE_FAILED;
    }
}
