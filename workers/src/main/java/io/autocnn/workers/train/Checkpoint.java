package io.autocnn.workers.train;

import io.autocnn.workers.files.AtomicFiles;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A trained network as a DL4J model zip (weights and optimizer state), plus the number of epochs it has been trained,
 * so a run can continue exactly where the previous one stopped.
 */
public final class Checkpoint {

    private static final String EPOCHS_ENTRY = "autocnn-epochs-trained";
    /** Where DL4J's {@code addObjectToFile} puts its entries in the zip. */
    private static final String OBJECTS_FOLDER = "objects/";
    private static final ObjectInputFilter ONLY_A_DOUBLE = ObjectInputFilter.Config.createFilter(
            "java.lang.Double;java.lang.Number;maxdepth=2;maxrefs=4;maxbytes=256;!*");

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
        double epochs = epochsTrained(file);
        MultiLayerNetwork network = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true);
        return new Restored(network, epochs);
    }

    /**
     * The epochs entry, Java-serialised as DL4J's {@code addObjectToFile} writes it, read through a filter that lets
     * a {@code Double} through and nothing else: a crafted zip cannot make this process build arbitrary objects
     * (DL4J's own {@code getObjectFromFile} deserialises whatever the entry holds).
     */
    private static double epochsTrained(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry entry = zip.getEntry(OBJECTS_FOLDER + EPOCHS_ENTRY);
            if (entry == null) {
                throw new IOException(file + ": a DL4J model zip, but not an AutoCNN checkpoint (no " + EPOCHS_ENTRY
                        + " entry)");
            }
            try (ObjectInputStream in = new ObjectInputStream(zip.getInputStream(entry))) {
                in.setObjectInputFilter(ONLY_A_DOUBLE);
                Object value = in.readObject();
                if (!(value instanceof Double epochs) || !(epochs >= 0)) {
                    throw new IOException(file + ": the " + EPOCHS_ENTRY + " entry is not a number of epochs");
                }
                return epochs;
            } catch (ClassNotFoundException | InvalidClassException e) {
                throw new IOException(file + ": the " + EPOCHS_ENTRY + " entry holds something other than a number "
                        + "of epochs (" + e.getMessage() + "); refused", e);
            }
        }
    }
}
