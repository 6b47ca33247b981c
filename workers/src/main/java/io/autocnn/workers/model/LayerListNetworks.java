package io.autocnn.workers.model;

import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Networks saved before every network was a graph were DL4J layer lists ({@code MultiLayerNetwork}): a checkpoint of
 * a paused trial or a final model from then is read as the equivalent graph, with its weights, its optimizer's state
 * and its step count (a learning-rate schedule continues where it was), so stored experiments resume unchanged.
 */
public final class LayerListNetworks {

    private LayerListNetworks() {
    }

    public static ComputationGraph asGraph(MultiLayerNetwork list) {
        // DL4J's own conversion keeps the layers, their order and the parameter layout, but not the cache mode or
        // the step counts; the graph is built again with them.
        ComputationGraphConfiguration configuration = list.toComputationGraph().getConfiguration().clone();
        configuration.setCacheMode(CacheMode.DEVICE);
        for (GraphVertex vertex : configuration.getVertices().values()) {
            if (vertex instanceof LayerVertex layer) {
                layer.getLayerConf().setCacheMode(CacheMode.DEVICE);
            }
        }
        configuration.setIterationCount(list.getIterationCount());
        configuration.setEpochCount(list.getEpochCount());
        ComputationGraph graph = new ComputationGraph(configuration);
        graph.init();
        graph.setParams(list.params());
        INDArray updaterState = list.getUpdater().getStateViewArray();
        if (updaterState != null) {
            graph.getUpdater().getUpdaterStateViewArray().assign(updaterState);
        }
        return graph;
    }
}
