package io.autocnn.workers.train;

import io.autocnn.workers.files.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained network as a DL4J model zip (weights and optimizer state), plus the number of epochs it has been trained,
 * so a run can continue exactly where the previous one stopped.
 */
public final class Checkpoint {

    private static final String EPOCHS_ENTRY = "autocnn-epochs-trained";

    private Checkpoint() {
    }

    /** The restored network and how many epochs it had been trained. */
    public record Restored(MultiLayerNetwork network, double epochsTrained) {
    }

    public static void write(MultiLayerNetwork network, double epochsTrained, Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Written beside the target, forced and moved, so a crash never leaves a half-written model under its name.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        ModelSerializer.writeModel(network, partial.toFile(), true);
        ModelSerializer.addObjectToFile(partial.toFile(), EPOCHS_ENTRY, Double.valueOf(epochsTrained));
        AtomicFiles.replace(partial, file);
    }

    public static Restored read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": checkpoint not found");
        }
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        Double epochs;
        try {
            epochs = ModelSerializer.getObjectFromFile(file.toFile(), EPOCHS_ENTRY);
        } catch (RuntimeException e) {
            throw new IOException(file + ": a DL4J model zip, but not an AutoCNN checkpoint (no " + EPOCHS_ENTRY
                    + " entry)", e);
        }
        return new Restored(network, epochs);
    }
}
