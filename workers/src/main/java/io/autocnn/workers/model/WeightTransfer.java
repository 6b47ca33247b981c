package io.autocnn.workers.model;

import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

import java.util.Arrays;
import java.util.Map;

/**
 * A fresh network takes a trained one's weights where the two agree, layer by layer in order: the same kind of layer
 * with the same parameter shapes (an evolutionary child that differs from its parent in one block keeps the parent's
 * other blocks). Batch normalisation's running statistics are parameters and travel too; the optimizer's state does
 * not: the child trains from its first step.
 */
public final class WeightTransfer {

    private WeightTransfer() {
    }

    /** Copies {@code donor}'s matching layers into {@code into}; returns how many layers took them. */
    public static int copyMatching(ComputationGraph donor, ComputationGraph into) {
        int copied = 0;
        int layers = Math.min(donor.getNumLayers(), into.getNumLayers());
        for (int i = 0; i < layers; i++) {
            Layer from = donor.getLayers()[i];
            Layer to = into.getLayers()[i];
            if (!sameKind(from, to) || to.numParams() == 0) {
                continue;
            }
            Map<String, INDArray> source = from.paramTable();
            Map<String, INDArray> target = to.paramTable();
            boolean same = source.keySet().equals(target.keySet()) && target.entrySet().stream()
                    .allMatch(e -> Arrays.equals(e.getValue().shape(), source.get(e.getKey()).shape()));
            if (same) {
                // The table's arrays are views of the network's one parameter vector: assigning fills it in place.
                target.forEach((name, values) -> values.assign(source.get(name)));
                copied++;
            }
        }
        return copied;
    }

    /**
     * Layers of one class, or one a subclass of the other: a first convolution saved before
     * {@link InputConvolutionLayer} existed is a plain convolution with the same parameters.
     */
    private static boolean sameKind(Layer from, Layer to) {
        return from.getClass().isAssignableFrom(to.getClass()) || to.getClass().isAssignableFrom(from.getClass());
    }
}
