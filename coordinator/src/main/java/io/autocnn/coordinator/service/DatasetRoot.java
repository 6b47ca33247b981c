package io.autocnn.coordinator.service;

import io.autocnn.coordinator.definition.DatasetDefinition;
import io.autocnn.coordinator.definition.InvalidDefinitionException;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.space.spec.SpecViolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The one folder under which a service's requests may name dataset folders. A path is resolved to its real path
 * (symbolic links followed) before it is checked, so a link under the root cannot lead outside it.
 */
record DatasetRoot(Path root) {

    /** The real directory {@code dataset.path} names ("" for the dataset's default location). */
    String directoryOf(DatasetDefinition dataset) {
        if (dataset.path().isEmpty()) {
            return "";
        }
        try {
            Path realRoot = root.toRealPath();
            Path resolved = realRoot.resolve(dataset.path()).normalize();
            if (Files.isDirectory(resolved)) {
                Path real = resolved.toRealPath();
                if (real.startsWith(realRoot)) {
                    return real.toString();
                }
            }
        } catch (IOException e) {
            // reported below, without saying more about the file system than that
        }
        throw InvalidDefinitionException.invalid(List.of(new SpecViolation(SearchField.DATASET_PATH.jsonPath(),
                "no directory '" + dataset.path() + "' under the dataset root")));
    }
}
