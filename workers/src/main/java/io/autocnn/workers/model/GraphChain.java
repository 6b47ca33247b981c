package io.autocnn.workers.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A DL4J graph built mostly as a chain: each layer is fed by the one added before it unless told otherwise, so the
 * builder only names vertices where a residual block branches and joins. Vertices are named by their position
 * ("0", "1", ...), as DL4J names the layers of a {@code MultiLayerNetwork} it converts to a graph.
 */
final class GraphChain {

    static final String INPUT = "input";

    private final ComputationGraphConfiguration.GraphBuilder graph;
    private String last = INPUT;
    private int added;

    GraphChain(ComputationGraphConfiguration.GraphBuilder graph) {
        this.graph = graph.addInputs(INPUT);
    }

    /** Whether no layer has been added yet: the next one reads the images. */
    boolean isEmpty() {
        return added == 0;
    }

    /** The vertex the next layer reads from. */
    String last() {
        return last;
    }

    /** Adds a layer fed by the last vertex. */
    String layer(Layer layer) {
        return layer(layer, last);
    }

    /** Adds a layer fed by {@code from}; it becomes the last vertex. */
    String layer(Layer layer, String from) {
        String name = nextName();
        graph.addLayer(name, layer, from);
        return name;
    }

    /** Adds a vertex (such as a sum) fed by {@code inputs}; it becomes the last vertex. */
    String vertex(GraphVertex vertex, String... inputs) {
        String name = nextName();
        graph.addVertex(name, vertex, inputs);
        return name;
    }

    /** The graph with the last vertex as its output, for images of {@code input}. */
    ComputationGraphConfiguration build(InputType input) {
        return graph.setOutputs(last).setInputTypes(input).build();
    }

    private String nextName() {
        last = String.valueOf(added++);
        return last;
    }
}
