package io.autocnn.coordinator.engine;

import io.autocnn.coordinator.search.SearchRun;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a data directory keeps what is not in the store: {@code experiments/<id>/checkpoints/trial-<n>.zip} and the
 * final model {@code experiments/<id>/final-model.zip} with its record. The
 * service's {@code --data-dir} and a command-line search's {@code --out} are laid out alike, so either can be served.
 */
public record ExperimentLayout(Path dataDirectory) {

    /** The store's file in the data directory. */
    public Path storeFile() {
        return dataDirectory.resolve("autocnn.db");
    }

    /** Everything the experiment keeps on disk; deleting the experiment deletes this folder. */
    public Path experimentDirectory(String experimentId) {
        return dataDirectory.resolve("experiments").resolve(experimentId);
    }

    public Path checkpointDirectory(String experimentId) {
        return experimentDirectory(experimentId).resolve("checkpoints");
    }

    /** Where trial {@code trialIndex}'s model zip of the experiment is kept. */
    public Path checkpointOf(String experimentId, int trialIndex) {
        return SearchRun.checkpointOf(checkpointDirectory(experimentId), trialIndex);
    }

    /** The experiment's final model, its best trial trained on once the search had ended. */
    public Path finalModelOf(String experimentId) {
        return experimentDirectory(experimentId).resolve("final-model.zip");
    }

    /** The record of that final training ({@link FinalModel}), written once it has ended. */
    public Path finalModelRecordOf(String experimentId) {
        return experimentDirectory(experimentId).resolve("final-model.json");
    }

    Path createCheckpointDirectory(String experimentId) {
        try {
            return Files.createDirectories(checkpointDirectory(experimentId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create experiment " + experimentId + "'s directory", e);
        }
    }
}
