package io.autocnn.workers.train;

import io.autocnn.workers.data.ImageDecoder;
import io.autocnn.workers.data.ImageShape;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A trained model put to use on image files: each is decoded and resized to the model's input shape as training
 * images of a folder dataset were, scaled as the trainer scales them, and answered with one probability per class.
 */
public final class Predictor {

    private final ComputationGraph network;
    private final ModelInput input;
    private final ImageDecoder decoder;

    private Predictor(ComputationGraph network, ModelInput input) {
        this.network = network;
        this.input = input;
        this.decoder = new ImageDecoder(input.shape());
    }

    /** The model in {@code file}: a checkpoint or model zip AutoCNN wrote, which records its input and classes. */
    public static Predictor load(Path file) throws IOException {
        Checkpoint.Restored restored = Checkpoint.read(file);
        ModelInput input = restored.input().orElseThrow(() -> new IOException(file + ": the model was written "
                + "before AutoCNN recorded a model's input shape and class names; train it again to predict with it"));
        long outputs = restored.network().getOutputLayer(0).getParam("b").length();
        if (outputs != input.classNames().size()) {
            throw new IOException(file + ": the model has " + outputs + " outputs but names "
                    + input.classNames().size() + " classes");
        }
        return new Predictor(restored.network(), input);
    }

    public ModelInput input() {
        return input;
    }

    /** One probability per class, in {@link ModelInput#classNames()} order; a DatasetException if unreadable. */
    public double[] probabilities(Path image) {
        ImageShape shape = input.shape();
        INDArray features = Nd4j.create(TrainingData.scaled(decoder.decode(image)),
                new long[] {1, shape.channels(), shape.height(), shape.width()}, 'c');
        return network.outputSingle(false, features).toDoubleVector();
    }
}
