package io.autocnn.coordinator.service;

import io.autocnn.coordinator.definition.DatasetDefinition;
import io.autocnn.coordinator.definition.InvalidDefinitionException;
import io.autocnn.space.spec.SpecViolation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Dataset folders named by requests stay under the root, links followed: a symbolic link cannot lead out. */
class DatasetRootTest {

    @TempDir
    Path dir;

    private static DatasetDefinition folder(String path) {
        return new DatasetDefinition("folder", path, 0, 0, 0.1, 28, 28, 1, false, 0,
                io.autocnn.workers.train.Augmentation.NONE);
    }

    @Test
    void aFolderUnderTheRootIsItsRealPath() throws Exception {
        Path root = Files.createDirectories(dir.resolve("datasets"));
        Path flowers = Files.createDirectories(root.resolve("flowers"));
        Files.createSymbolicLink(root.resolve("flowers-latest"), flowers);
        DatasetRoot datasets = new DatasetRoot(root);
        assertThat(datasets.directoryOf(folder("flowers"))).isEqualTo(flowers.toRealPath().toString());
        // A link that stays inside the root is fine, and names its target.
        assertThat(datasets.directoryOf(folder("flowers-latest"))).isEqualTo(flowers.toRealPath().toString());
        assertThat(datasets.directoryOf(folder(""))).isEmpty();
    }

    @Test
    void aSymbolicLinkLeadingOutOfTheRootIsRefusedLikeAMissingFolder() throws Exception {
        Path root = Files.createDirectories(dir.resolve("datasets"));
        Path outside = Files.createDirectories(dir.resolve("private"));
        Files.createSymbolicLink(root.resolve("escape"), outside);
        for (String path : new String[]{"escape", "missing"}) {
            InvalidDefinitionException refused = catchThrowableOfType(() -> new DatasetRoot(root)
                    .directoryOf(folder(path)), InvalidDefinitionException.class);
            assertThat(refused.violations()).extracting(SpecViolation::path).containsExactly("$.dataset.path");
            assertThat(refused.violations().get(0).message())
                    .isEqualTo("no directory '" + path + "' under the dataset root");
        }
    }
}
