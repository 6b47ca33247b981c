package io.autocnn.workers.train;

import io.autocnn.workers.model.CnnBuilder;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a trained network learned, in the lecture's pictures: the kernels of its first convolution, and the feature
 * maps one image becomes through each convolution, layer by layer (in the graph's topological order).
 */
public final class ModelInsight {

    /**
     * A convolution's kernels.
     *
     * @param weights one row per output channel: its input channels' {@code height x width} kernels, one after another
     */
    public record Kernels(String layer, int inputChannels, int height, int width, float[][] weights) {
    }

    /**
     * The first {@code maps.length} of a convolution's {@code channels} output maps for one image.
     *
     * @param maps one row per map, {@code height x width} values row by row
     */
    public record FeatureMaps(String layer, int channels, int height, int width, float[][] maps) {
    }

    private ModelInsight() {
    }

    /** The first convolution's kernels; empty for a network without one. */
    public static Optional<Kernels> firstKernels(ComputationGraph network) {
        for (String name : convolutions(network)) {
            INDArray weights = network.getLayer(name).getParam("W"); // [out, in, height, width]
            long[] shape = weights.shape();
            int out = (int) shape[0];
            float[][] rows = new float[out][];
            for (int o = 0; o < out; o++) {
                rows[o] = weights.slice(o).dup('c').data().asFloat();
            }
            return Optional.of(new Kernels(name, (int) shape[1], (int) shape[2], (int) shape[3], rows));
        }
        return Optional.empty();
    }

    /** Test image {@code index} of {@code data} through every convolution: at most {@code maxMaps} maps of each. */
    public static List<FeatureMaps> featureMaps(ComputationGraph network, TrainingData data, int index, int maxMaps) {
        INDArray image = data.test().featureRows(index, index + 1, data.shape());
        Map<String, INDArray> activations = network.feedForward(image, false);
        List<FeatureMaps> layers = new ArrayList<>();
        for (String name : convolutions(network)) {
            INDArray output = activations.get(name); // [1, channels, height, width]
            long[] shape = output.shape();
            int channels = (int) shape[1];
            float[][] maps = new float[Math.min(channels, maxMaps)][];
            for (int c = 0; c < maps.length; c++) {
                maps[c] = output.slice(0).slice(c).dup('c').data().asFloat();
            }
            layers.add(new FeatureMaps(name, channels, (int) shape[2], (int) shape[3], maps));
        }
        return layers;
    }

    /** Test image {@code index} as the network sees it: {@code channels x height x width} values from 0 to 1. */
    public static float[] testImage(TrainingData data, int index) {
        return data.test().featureRows(index, index + 1, data.shape()).dup('c').data().asFloat();
    }

    /** The network's probability of each class for test image {@code index}. */
    public static double[] probabilities(ComputationGraph network, TrainingData data, int index) {
        return network.outputSingle(false, data.test().featureRows(index, index + 1, data.shape())).toDoubleVector();
    }

    /**
     * The convolutions the image passes through, in order. A residual block's shortcut projection is a side path, not
     * a layer of the lecture's pictures, and in a first residual block it may come first in topological order, where
     * it would be shown as the first kernels.
     */
    private static List<String> convolutions(ComputationGraph network) {
        List<String> names = new ArrayList<>();
        for (String name : network.getConfiguration().getTopologicalOrderStr()) {
            Layer layer = network.getLayer(name);
            if (layer != null && layer.conf().getLayer() instanceof ConvolutionLayer conv
                    && !Arrays.equals(conv.getKernelSize(), new int[] {CnnBuilder.SHORTCUT_PROJECTION_KERNEL,
                            CnnBuilder.SHORTCUT_PROJECTION_KERNEL})) {
                names.add(name);
            }
        }
        return names;
    }
}
