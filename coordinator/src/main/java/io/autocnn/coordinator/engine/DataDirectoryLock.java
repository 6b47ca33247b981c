package io.autocnn.coordinator.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per data directory: an exclusive lock on {@code autocnn.lock} in it, held while the process uses the
 * directory and released by the operating system when the process ends, however it ends. A second process (or a
 * second service in this one) is refused at once, told who holds the directory, and changes nothing. Two processes
 * resuming the same experiments would overwrite each other's checkpoints and cancel each other's trials.
 */
public final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "autocnn.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The refusal: the directory is in use, by the process the lock file names. */
    public static final class InUseException extends IllegalStateException {
        InUseException(String message) {
            super(message);
        }
    }

    /** Takes the directory for this process, writing who holds it into the lock file. */
    public static DataDirectoryLock acquire(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDirectory);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException sameProcess) {
                lock = null;
            }
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                throw new InUseException(dataDirectory + " is in use by another AutoCNN process"
                        + (holder.isEmpty() ? "" : " (" + holder + ")") + "; stop it first, or use another directory");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(holder().getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(true);
            return new DataDirectoryLock(channel, lock);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock " + file, e);
        }
    }

    /** "pid 1234: autocnn serve --data-dir runs/demo-data": enough for a person to find the holder. */
    private static String holder() {
        ProcessHandle.Info info = ProcessHandle.current().info();
        String command = info.arguments().map(arguments -> {
            // The JVM's own flags say nothing to a person; from the main class on is the command.
            for (int i = 0; i < arguments.length; i++) {
                if (arguments[i].endsWith(".AutoCnn")) {
                    return "autocnn " + String.join(" ", java.util.Arrays.copyOfRange(arguments, i + 1,
                            arguments.length));
                }
            }
            return info.command().orElse("java");
        }).orElse(info.command().orElse("java"));
        return "pid " + ProcessHandle.current().pid() + ": " + command + "\n";
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // already failing
            }
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot release " + FILE, e);
        }
    }
}
