package io.autocnn.workers.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Removing a directory with everything in it (a trial's scratch folder, a deleted experiment's files). */
public final class DirectoryTrees {

    private DirectoryTrees() {
    }

    /** Deletes {@code dir} and its contents, deepest first; nothing happens when it does not exist. */
    public static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
