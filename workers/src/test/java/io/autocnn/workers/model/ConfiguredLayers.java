package io.autocnn.workers.model;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** For tests: a built configuration's layers in the order the builder added them (its vertices are named by it). */
public final class ConfiguredLayers {

    private ConfiguredLayers() {
    }

    public static List<Layer> of(ComputationGraphConfiguration configuration) {
        return configuration.getVertices().entrySet().stream()
                .filter(e -> e.getValue() instanceof LayerVertex)
                .sorted(Comparator.comparingInt((Map.Entry<String, ?> e) -> Integer.parseInt(e.getKey())))
                .map(e -> ((LayerVertex) e.getValue()).getLayerConf().getLayer())
                .toList();
    }
}
