package io.autocnn.coordinator.store;

import java.nio.file.Path;

/** The contract on a real SQLite file, plus what only a file on disk can show. */
class SqliteTrialStoreTest extends TrialStoreContract {

    @Override
    protected TrialStore newStore(Path dir) {
        return SqliteTrialStore.open(dir.resolve("store").resolve("trials.db"));
    }
}
