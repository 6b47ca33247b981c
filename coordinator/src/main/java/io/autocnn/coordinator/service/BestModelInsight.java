package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.train.Checkpoint;
import io.autocnn.workers.train.ConfusionMatrix;
import io.autocnn.workers.train.ModelInsight;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import org.deeplearning4j.nn.graph.ComputationGraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What an experiment's best model learned: its first convolution's kernels, the feature maps a chosen test image
 * becomes through each convolution, its prediction for that image, and its confusion matrix with its test error on
 * the experiment's test images. A model is loaded from its checkpoint and its confusion matrix computed once, then
 * kept for the next views of it (at most {@link #MAX_MODELS} models, the least recently viewed dropped first); a
 * model answers one view at a time (DL4J networks are not safe to share between threads), and different models at
 * the same time.
 */
final class BestModelInsight {

    static final int MAX_MODELS = 4;
    /** Maps shown per convolution: the lecture's pictures show a handful, and 16 keep the answer small. */
    static final int MAX_MAPS = 16;

    /** A loaded model with what is computed once for it. */
    private record Loaded(ComputationGraph network, TrainingData data, ConfusionMatrix confusion) {
    }

    /**
     * One model's place in the cache: loaded by the first view that needs it, under this slot's own lock, so loading
     * one experiment's model (seconds: the checkpoint, the data, the confusion matrix) holds up no other model's views
     * and no deletion; the cache's lock is held only to find or add a slot.
     */
    private static final class Slot {
        private Loaded loaded;

        /** The model, loaded now if no view loaded it before; called with this slot's lock held. */
        Loaded model(Supplier<Loaded> load) {
            if (loaded == null) {
                loaded = load.get();
            }
            return loaded;
        }
    }

    private final Map<String, Slot> models = Collections.synchronizedMap(new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Slot> eldest) {
            return size() > MAX_MODELS;
        }
    });

    /**
     * @param checkpoint the best trial's checkpoint file
     * @param data       the experiment's data (prepared on first use)
     * @param image      the test image to follow through the network
     */
    ObjectNode of(ExperimentRecord record, TrialRow best, Path checkpoint, Supplier<TrainingData> data, int image) {
        String key = record.id() + "/" + best.trialIndex() + "/" + best.attempt();
        Slot slot = models.computeIfAbsent(key, k -> new Slot());
        synchronized (slot) {
            Loaded loaded;
            try {
                loaded = slot.model(() -> load(checkpoint, data.get()));
            } catch (RuntimeException e) {
                models.remove(key, slot); // a failed load is tried again by the next view, not remembered
                throw e;
            }
            int images = loaded.data().test().size();
            if (images == 0) {
                throw new ApiProblem(404, "Not Found", "experiment " + record.id() + " has no test images to look at");
            }
            if (image < 0 || image >= images) {
                throw new ApiProblem(400, "Bad query", "image must be a test image's index from 0 to " + (images - 1)
                        + ", got " + image);
            }
            return view(best, loaded, image);
        }
    }

    /** Forgets a deleted experiment's models. */
    void forget(String experimentId) {
        synchronized (models) { // a synchronized map's views are iterated under its lock
            models.keySet().removeIf(key -> key.startsWith(experimentId + "/"));
        }
    }

    private static Loaded load(Path checkpoint, TrainingData data) {
        try {
            ComputationGraph network = Checkpoint.read(checkpoint).network();
            return new Loaded(network, data, ConfusionMatrix.onTestSet(network, data, RunnerOptions.defaults()));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the checkpoint " + checkpoint, e);
        }
    }

    private static ObjectNode view(TrialRow best, Loaded loaded, int image) {
        ObjectNode view = TrialSpecJson.mapper().createObjectNode();
        view.put("trial", best.trialIndex());
        view.put("architecture", best.architecture());
        ConfusionMatrix confusion = loaded.confusion();
        view.put("testImages", confusion.total());
        view.put("testError", confusion.error());
        List<String> classes = confusion.classNames();
        view.set("classNames", TrialSpecJson.mapper().valueToTree(classes));
        view.set("confusion", TrialSpecJson.mapper().valueToTree(confusion.counts()));
        ModelInsight.firstKernels(loaded.network()).ifPresent(kernels -> view.putObject("kernels")
                .put("layer", kernels.layer()).put("inputChannels", kernels.inputChannels())
                .put("height", kernels.height()).put("width", kernels.width())
                .set("weights", TrialSpecJson.mapper().valueToTree(kernels.weights())));
        TrainingData data = loaded.data();
        double[] probabilities = ModelInsight.probabilities(loaded.network(), data, image);
        int predicted = 0;
        for (int k = 1; k < probabilities.length; k++) {
            predicted = probabilities[k] > probabilities[predicted] ? k : predicted;
        }
        view.putObject("image").put("index", image).put("label", data.test().labels()[image])
                .put("predicted", predicted).put("channels", data.shape().channels())
                .put("height", data.shape().height()).put("width", data.shape().width())
                .<ObjectNode>set("probabilities", TrialSpecJson.mapper().valueToTree(probabilities))
                .set("pixels", TrialSpecJson.mapper().valueToTree(ModelInsight.testImage(data, image)));
        ArrayNode layers = view.putArray("featureMaps");
        for (ModelInsight.FeatureMaps maps : ModelInsight.featureMaps(loaded.network(), data, image, MAX_MAPS)) {
            layers.addObject().put("layer", maps.layer()).put("channels", maps.channels()).put("height", maps.height())
                    .put("width", maps.width()).set("maps", TrialSpecJson.mapper().valueToTree(maps.maps()));
        }
        return view;
    }
}
