package io.autocnn.coordinator.experiment;

import io.autocnn.space.trial.EpochMetrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class ModelCurveTest {

    private static EpochMetrics epoch(double epoch, double trainError, double testError) {
        return new EpochMetrics(epoch, 0.5, trainError, 0.3, OptionalDouble.of(testError), 1, 100, 1_000);
    }

    @Test
    void averagesEachEpochOverTheRuns() {
        ModelCurve curve = ModelCurve.ofEpochs("mlp", List.of(
                List.of(epoch(1, 0.40, 0.50), epoch(2, 0.20, 0.45)),
                List.of(epoch(1, 0.30, 0.40), epoch(2, 0.10, 0.55))));
        assertThat(curve.runs()).isEqualTo(2);
        assertThat(curve.points()).hasSize(2);
        MeanErrors second = curve.last();
        assertThat(second.epoch()).isEqualTo(2.0);
        assertThat(second.trainError()).isCloseTo(0.15, within(1e-12));
        assertThat(second.testError()).isCloseTo(0.50, within(1e-12));
        // Sample standard deviation of {0.45, 0.55}: sqrt((0.05² + 0.05²) / 1).
        assertThat(second.testErrorSd()).isCloseTo(Math.sqrt(0.005), within(1e-12));
    }

    @Test
    void aSingleFitHasOnePointAndNoSpreadForOneRun() {
        ModelCurve forest = ModelCurve.ofSingleFit("forest", new double[]{0.0}, new double[]{0.3});
        assertThat(forest.perEpoch()).isFalse();
        assertThat(forest.points()).containsExactly(new MeanErrors(0, 0.0, 0.0, 0.3, 0.0));
    }

    @Test
    void runsOfDifferentLengthCannotBeAveraged() {
        assertThatThrownBy(() -> ModelCurve.ofEpochs("cnn", List.of(List.of(epoch(1, 0.1, 0.2)),
                List.of(epoch(1, 0.1, 0.2), epoch(2, 0.1, 0.2))))).hasMessageContaining("different numbers of epochs");
    }
}
