package io.autocnn.coordinator.engine;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.files.AtomicFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * What an experiment's final training made of its best trial: the model {@code final-model.zip} beside this record's
 * {@code final-model.json} in the experiment's folder. The record is written last, atomically, so it exists only
 * for a final training that ended; a stop during one leaves none, and the resumed experiment trains again.
 *
 * @param trial             the trial it trained on from
 * @param testAccuracy      of the final model; empty when the data has no test images
 * @param trialTestAccuracy of the trial's own checkpoint, for comparison; empty likewise
 * @param epochsTrained     the final model's epochs in all, the trial's included
 * @param seconds           the final training's wall-clock time
 */
public record FinalModel(int trial, OptionalDouble testAccuracy, OptionalDouble trialTestAccuracy,
                         double epochsTrained, double seconds) {

    private static final ObjectMapper JSON = TrialSpecJson.mapper();

    /** An accuracy as measured, NaN (no test images) as empty: JSON has no NaN. */
    static OptionalDouble measured(double accuracy) {
        return Double.isNaN(accuracy) ? OptionalDouble.empty() : OptionalDouble.of(accuracy);
    }

    void write(Path file) throws IOException {
        AtomicFiles.write(file, JSON.writeValueAsBytes(this));
    }

    /** The record at {@code file}, if its final training ended. */
    static Optional<FinalModel> read(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), FinalModel.class))
                : Optional.empty();
    }
}
