package io.autocnn.coordinator.compare;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** LeNet-5's stopping rules, on 600 real Fashion-MNIST images (under a second an epoch). */
@Tag("slow")
class LeNet5UnderBudgetTest {

    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void readData() {
        data = SmallFashionMnist.prepare();
    }

    @Test
    void patienceStopsAfterThatManyEpochsInARowWithoutALowerValidationError() throws IOException {
        int maxEpochs = 15;
        int patience = 2;
        ChosenModel model = new LeNet5UnderBudget(Duration.ofMinutes(5), maxEpochs, patience,
                io.autocnn.workers.train.Augmentation.NONE)
                .train(data, 3, dir, TrialListener.NONE);

        List<EpochMetrics> epochs = model.curve();
        // 480 training images overfit well within 15 epochs, so the patience stop, not the epoch limit, ends it.
        assertThat(epochs).hasSizeLessThan(maxEpochs);
        double best = Double.POSITIVE_INFINITY;
        int sinceBest = 0;
        for (EpochMetrics epoch : epochs) {
            assertThat(sinceBest).as("epoch %s trained after the patience had run out", epoch.epoch())
                    .isLessThan(patience);
            sinceBest = epoch.validationError() < best ? 0 : sinceBest + 1;
            best = Math.min(best, epoch.validationError());
        }
        assertThat(sinceBest).as("stopped before the patience had run out").isEqualTo(patience);
        assertThat(model.validationError()).isEqualTo(best);
        assertThat(model.epochsTrained()).isEqualTo(epochs.size());
    }

    @Test
    void negativePatienceIsAUserError() {
        assertThatThrownBy(() -> new LeNet5UnderBudget(Duration.ofMinutes(1), 5, -1,
                io.autocnn.workers.train.Augmentation.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--patience must be 0 (off)");
    }
}
