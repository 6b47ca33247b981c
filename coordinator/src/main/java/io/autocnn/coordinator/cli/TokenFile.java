package io.autocnn.coordinator.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A token given as a file (so it stays out of the process list and the shell's history): its stripped content. */
final class TokenFile {

    private TokenFile() {
    }

    /** The token in {@code file}, empty when no file was given; {@code flag} names the option in errors. */
    static Optional<String> read(Path file, String flag) throws IOException {
        if (file == null) {
            return Optional.empty();
        }
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + " " + file + " is not a readable file");
        }
        String token = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (token.isEmpty()) {
            throw new IllegalArgumentException(flag + " " + file + " is empty");
        }
        return Optional.of(token);
    }
}
