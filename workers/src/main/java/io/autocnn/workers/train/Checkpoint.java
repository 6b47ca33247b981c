package io.autocnn.workers.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.autocnn.workers.files.AtomicFiles;
import io.autocnn.workers.model.LayerListNetworks;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

import java.io.IOException;
import java.io.InputStream;
import java.io.InvalidClassException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * A trained network as a DL4J model zip (weights and optimizer state), plus the number of epochs it has been trained,
 * so a run can continue exactly where the previous one stopped, and the {@link ModelInput} it was trained for, so the
 * model can be used on new images.
 */
public final class Checkpoint {

    private static final String EPOCHS_ENTRY = "autocnn-epochs-trained";
    private static final String INPUT_ENTRY = "autocnn-model-input";
    /** Where DL4J's {@code addObjectToFile} puts its entries in the zip. */
    private static final String OBJECTS_FOLDER = "objects/";
    /** DL4J's entry for the network's configuration. */
    private static final String CONFIGURATION_ENTRY = "configuration.json";
    private static final ObjectMapper CONFIGURATION_READER = new ObjectMapper();
    private static final ObjectInputFilter ONLY_A_DOUBLE = ObjectInputFilter.Config.createFilter(
            "java.lang.Double;java.lang.Number;maxdepth=2;maxrefs=4;maxbytes=256;!*");
    private static final ObjectInputFilter ONLY_A_STRING = ObjectInputFilter.Config.createFilter(
            "java.lang.String;maxdepth=1;maxrefs=2;maxbytes=1048576;!*");

    private Checkpoint() {
    }

    /**
     * The restored network, how many epochs it had been trained, and what it takes and answers (absent in
     * checkpoints written before that was recorded).
     */
    public record Restored(ComputationGraph network, double epochsTrained, Optional<ModelInput> input) {
    }

    public static void write(ComputationGraph network, double epochsTrained, ModelInput input, Path file)
            throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // Written beside the target, forced and moved, so a crash never leaves a half-written model under its name.
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        ModelSerializer.writeModel(network, partial.toFile(), true);
        ModelSerializer.addObjectToFile(partial.toFile(), EPOCHS_ENTRY, Double.valueOf(epochsTrained));
        ModelSerializer.addObjectToFile(partial.toFile(), INPUT_ENTRY, input.encode());
        AtomicFiles.replace(partial, file);
    }

    public static Restored read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException(file + ": checkpoint not found");
        }
        double epochs;
        Optional<ModelInput> input;
        boolean layerList;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Object value = entry(zip, file, EPOCHS_ENTRY, ONLY_A_DOUBLE, "a number of epochs").orElseThrow(() ->
                    new IOException(file + ": a DL4J model zip, but not an AutoCNN checkpoint (no " + EPOCHS_ENTRY
                            + " entry)"));
            if (!(value instanceof Double trained) || !(trained >= 0)) {
                throw new IOException(file + ": the " + EPOCHS_ENTRY + " entry is not a number of epochs");
            }
            epochs = trained;
            layerList = isLayerList(zip, file);
            Optional<Object> text = entry(zip, file, INPUT_ENTRY, ONLY_A_STRING, "the model's input as text");
            input = text.isEmpty() ? Optional.empty() : Optional.of(ModelInput.decode((String) text.get(),
                    file.toString()));
        } catch (ZipException e) {
            throw new IOException(file + ": not a model zip (" + e.getMessage() + ")", e);
        }
        return new Restored(network(file, layerList), epochs, input);
    }

    /** A graph, or a layer list written before every network was a graph, converted to one. */
    private static ComputationGraph network(Path file, boolean layerList) throws IOException {
        return layerList ? LayerListNetworks.asGraph(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true))
                : ModelSerializer.restoreComputationGraph(file.toFile(), true);
    }

    /** DL4J writes a layer list's configuration with its layers under "confs", a graph's under "vertices". */
    private static boolean isLayerList(ZipFile zip, Path file) throws IOException {
        ZipEntry entry = zip.getEntry(CONFIGURATION_ENTRY);
        if (entry == null) {
            throw new IOException(file + ": not a DL4J model zip (no " + CONFIGURATION_ENTRY + ")");
        }
        try (InputStream in = zip.getInputStream(entry)) {
            JsonNode configuration = CONFIGURATION_READER.readTree(in);
            if (configuration.has("vertices")) {
                return false;
            }
            if (configuration.has("confs")) {
                return true;
            }
            throw new IOException(file + ": " + CONFIGURATION_ENTRY + " describes neither a DL4J graph nor a layer "
                    + "list");
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": " + CONFIGURATION_ENTRY + " is not JSON (" + e.getOriginalMessage()
                    + ")", e);
        }
    }

    /**
     * An entry Java-serialised as DL4J's {@code addObjectToFile} writes it, read through a filter that lets only the
     * expected type through: a crafted zip cannot make this process build arbitrary objects (DL4J's own
     * {@code getObjectFromFile} deserialises whatever the entry holds).
     */
    private static Optional<Object> entry(ZipFile zip, Path file, String name, ObjectInputFilter filter,
                                          String expected) throws IOException {
        ZipEntry entry = zip.getEntry(OBJECTS_FOLDER + name);
        if (entry == null) {
            return Optional.empty();
        }
        try (ObjectInputStream in = new ObjectInputStream(zip.getInputStream(entry))) {
            in.setObjectInputFilter(filter);
            return Optional.of(in.readObject());
        } catch (ClassNotFoundException | InvalidClassException e) {
            throw new IOException(file + ": the " + name + " entry holds something other than " + expected + " ("
                    + e.getMessage() + "); refused", e);
        }
    }
}
