package io.autocnn.coordinator.engine;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** A second process for {@link DataDirectoryLockTest}: takes the directory, says so, and waits to be killed. */
public final class LockHolder {

    private LockHolder() {
    }

    /** Starts a holder of {@code directory} in a JVM of its own and returns once it holds the lock. */
    public static Process start(Path directory) throws IOException {
        Process holder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(), directory.toString()))
                .redirectErrorStream(true).start();
        String said = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        if (!"locked".equals(said)) {
            holder.destroyForcibly();
            throw new IllegalStateException("the lock holder did not take " + directory + ": " + said);
        }
        return holder;
    }

    public static void main(String[] args) throws InterruptedException {
        DataDirectoryLock lock = DataDirectoryLock.acquire(Path.of(args[0]));
        System.out.println("locked");
        System.out.flush();
        Thread.sleep(120_000);
        lock.close();
    }
}
