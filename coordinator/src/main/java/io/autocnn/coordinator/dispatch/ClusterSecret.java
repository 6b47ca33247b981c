package io.autocnn.coordinator.dispatch;

import io.autocnn.workers.files.AtomicFiles;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shared secret of a Spark cluster ({@code spark.authenticate}): the Master, the Workers, their executors and every
 * application must hold it, so nobody else can submit applications, register workers or fetch blocks. It travels in
 * environment variables and in-memory configuration, never on a command line, and never shows in a toString.
 */
public record ClusterSecret(String value) {

    private static final int MIN_LENGTH = 32;

    public ClusterSecret {
        if (value == null || value.length() < MIN_LENGTH) {
            throw new IllegalArgumentException("a cluster secret needs at least " + MIN_LENGTH + " characters");
        }
    }

    /** 256 random bits. */
    public static ClusterSecret generate() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return new ClusterSecret(Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
    }

    /** The secret in {@code file} (as {@link #writeTo} wrote it); a missing or short one is a user error. */
    public static ClusterSecret read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no cluster secret at " + file + " (autocnn cluster writes it)");
        }
        try {
            return new ClusterSecret(Files.readString(file, StandardCharsets.UTF_8).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cluster secret " + file, e);
        }
    }

    /** Writes the secret readable by its owner only. */
    public void writeTo(Path file) throws IOException {
        AtomicFiles.write(file, (value + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException notPosix) {
            // A file system without POSIX permissions keeps its own defaults.
        }
    }

    @Override
    public String toString() {
        return "ClusterSecret[redacted]";
    }
}
