package io.autocnn.coordinator.engine;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One process per data directory, with a real second JVM holding the lock. */
class DataDirectoryLockTest {

    @TempDir
    Path dir;
    private Process holder;

    @AfterEach
    void killHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    @Test
    void aSecondHolderInThisProcessIsRefusedNamingThisProcess() {
        try (DataDirectoryLock first = DataDirectoryLock.acquire(dir)) {
            assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
                    .isInstanceOf(DataDirectoryLock.InUseException.class)
                    .hasMessageContaining(dir + " is in use by another AutoCNN process")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
        }
        // Released: the directory can be taken again.
        DataDirectoryLock.acquire(dir).close();
    }

    @Test
    void aDirectoryAnotherProcessHoldsIsRefusedUntilThatProcessDiesHoweverItDies() throws Exception {
        holder = LockHolder.start(dir);

        assertThatThrownBy(() -> DataDirectoryLock.acquire(dir))
                .isInstanceOf(DataDirectoryLock.InUseException.class)
                .hasMessageContaining("pid " + holder.pid());

        holder.destroyForcibly(); // kill -9: no code of the holder runs, the operating system frees the lock
        assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
        DataDirectoryLock.acquire(dir).close();
    }
}
