package io.autocnn.workers.baseline;

import io.autocnn.workers.model.ConfiguredLayers;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.CnnBuilder;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MultilayerPerceptronTest {

    private static final TrainingSettings TRAINING = new TrainingSettings(200, 1, 1e-3, Optimizer.ADAM, 0.0, 5);

    @Test
    void isDenseLayersOnlyWithTheLecturesWidths() {
        ComputationGraphConfiguration conf = CnnBuilder.configuration(MultilayerPerceptron.lecture(TRAINING),
                new ImageShape(1, 32, 32), 10);
        assertThat(ConfiguredLayers.of(conf)).hasSize(3);
        assertThat(ConfiguredLayers.of(conf).get(0)).isInstanceOfSatisfying(DenseLayer.class,
                d -> assertThat(d.getNOut()).isEqualTo(512));
        assertThat(ConfiguredLayers.of(conf).get(1)).isInstanceOfSatisfying(DenseLayer.class,
                d -> assertThat(d.getNOut()).isEqualTo(100));
        assertThat(ConfiguredLayers.of(conf).get(2)).isInstanceOf(OutputLayer.class);
        // 1024x512 + 512, 512x100 + 100, 100x10 + 10
        assertThat(CnnBuilder.parameterCount(conf)).isEqualTo(1024 * 512 + 512 + 512 * 100 + 100 + 100 * 10 + 10);
    }

    @Test
    void needsAHiddenLayer() {
        assertThatThrownBy(() -> MultilayerPerceptron.spec(List.of(), TRAINING))
                .hasMessageContaining("at least one hidden layer");
    }
}
