package io.autocnn.coordinator.engine;

import java.nio.file.Path;

/** A second process for {@link DataDirectoryLockTest}: takes the directory, says so, and waits to be killed. */
public final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws InterruptedException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
