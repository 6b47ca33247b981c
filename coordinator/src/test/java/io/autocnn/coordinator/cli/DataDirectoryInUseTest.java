package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.engine.LockHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code serve}, {@code run} and {@code search} on a data directory another process holds exit at once with a
 * message naming the holder, and change nothing in the directory.
 */
class DataDirectoryInUseTest {

    @TempDir
    Path dir;
    private Process holder;

    @AfterEach
    void killHolder() {
        if (holder != null) {
            holder.destroyForcibly();
        }
    }

    private Path heldDirectory() throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        holder = LockHolder.start(data);
        return data;
    }

    private static List<String> contents(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void everyCommandThatUsesADataDirectoryIsRefusedWhileAnotherProcessHoldsIt() throws Exception {
        Path data = heldDirectory();
        Path space = TinySpace.writeTo(dir);
        List<List<String>> commands = List.of(
                List.of("serve", "--data-dir", data.toString(), "--port", "0"),
                List.of("run", space.toString(), "--data-dir", data.toString(), "--limit", "100"),
                List.of("search", space.toString(), "--out", data.toString(), "--limit", "100"));
        for (List<String> command : commands) {
            CapturedCommandLine cli = new CapturedCommandLine();
            assertThat(cli.run(command.toArray(String[]::new))).as(command + ": " + cli.err())
                    .isEqualTo(UserErrorHandler.USER_ERROR);
            assertThat(cli.err()).as(String.join(" ", command)).contains("is in use by another AutoCNN process",
                    "pid " + holder.pid());
            assertThat(contents(data)).as("nothing changed by " + command.get(0)).containsExactly("autocnn.lock");
        }
    }
}
