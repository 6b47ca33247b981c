package io.autocnn.coordinator.compare;

import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.train.Augmentation;
import io.autocnn.workers.train.RunnerOptions;
import io.autocnn.workers.train.TrainingData;
import io.autocnn.workers.train.TrialListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;

import static org.assertj.core.api.Assertions.assertThat;

/** The final training's calibration on 600 real Fashion-MNIST images, from a LeNet-5 trained one epoch. */
@Tag("slow")
class FinalTrainingCalibrationTest {

    private static TrainingData data;

    @TempDir
    Path dir;

    @BeforeAll
    static void readData() {
        data = SmallFashionMnist.prepare();
    }

    private FinalTraining.Calibration calibrate(int replicas) throws IOException {
        ChosenModel lenet = new LeNet5UnderBudget(Duration.ofMinutes(2), 1, 1, Augmentation.NONE)
                .train(data, 3, dir, TrialListener.NONE);
        FinalTraining.Calibration calibration = FinalTraining.calibrate(RunnerOptions.defaults().withReplicas(replicas),
                lenet, dir.resolve("lenet5-best.zip"), data.withValidationInTraining(), Duration.ofMinutes(1),
                System.nanoTime(), dir.resolve("final.zip"), 1.0, TrialListener.NONE);
        assertThat(calibration.last().state()).isEqualTo(TrialState.COMPLETED);
        assertThat(calibration.last().epochsTrained()).isGreaterThan(lenet.chosenEpoch());
        assertThat(dir.resolve("final.zip")).isRegularFile();
        assertThat(calibration.speeds().values()).allSatisfy(speed -> assertThat(speed).isPositive().isFinite());
        // Its runs train to their planned end, where a trial's run would measure the test set; the final training
        // measures its model once, afterwards, and counts what each run costs beside its steps.
        assertThat(calibration.curve()).allSatisfy(epoch -> assertThat(epoch.testError()).isEmpty());
        assertThat(calibration.runOverheadSeconds()).isPositive().isFinite();
        // The plan takes the lower of the faster run's later half and its whole run: never the more hopeful.
        assertThat(calibration.planningSpeed()).isPositive().isLessThanOrEqualTo(calibration.examplesPerSecond());
        return calibration;
    }

    @Test
    void withReplicasToTryItTimesThemAndOneNetworkAndTrainsOnTheFaster() throws IOException {
        FinalTraining.Calibration calibration = calibrate(2);
        assertThat(calibration.speeds().keySet()).containsExactly(2, 1);
        assertThat(calibration.examplesPerSecond()).isEqualTo(Collections.max(calibration.speeds().values()));
        assertThat(calibration.speeds().get(calibration.replicas())).isEqualTo(calibration.examplesPerSecond());
        // Both runs trained: the second went on from where the first left the model.
        assertThat(calibration.curve()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void withOneNetworkAllowedItCalibratesOneNetworkOnly() throws IOException {
        FinalTraining.Calibration calibration = calibrate(1);
        assertThat(calibration.speeds().keySet()).containsExactly(1);
        assertThat(calibration.replicas()).isEqualTo(1);
    }
}
