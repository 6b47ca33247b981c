package io.autocnn.workers.files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {

    @TempDir
    Path dir;

    private long filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.count();
        }
    }

    @Test
    void aWriteReplacesTheWholeFileAndLeavesNothingBeside() throws Exception {
        Path file = dir.resolve("checkpoints/trial-0.zip");
        AtomicFiles.write(file, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(file, "new content".getBytes(StandardCharsets.UTF_8));
        assertThat(Files.readString(file)).isEqualTo("new content");
        assertThat(filesIn(file.getParent())).isEqualTo(1);
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheOldFileWhole() throws Exception {
        Path file = dir.resolve("trial-3.zip");
        AtomicFiles.write(file, "the model of epoch 2".getBytes(StandardCharsets.UTF_8));
        // As a full disk or a killed writer would: half of the new content, then the failure.
        assertThatThrownBy(() -> AtomicFiles.write(file, out -> {
            out.write("the mod".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        })).hasMessageContaining("No space left");
        assertThat(Files.readString(file)).isEqualTo("the model of epoch 2");
        assertThat(filesIn(dir)).as("no temporary file left").isEqualTo(1);
    }
}
