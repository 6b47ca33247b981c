package io.autocnn.coordinator.compare;

import io.autocnn.workers.train.Augmentation;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FinalTrainingTest {

    @Test
    void theSearchAndTheFinalTrainingShareTheBudget() {
        FinalTraining quarter = new FinalTraining(0.25, Augmentation.NONE, 2);
        assertThat(quarter.searchBudget(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(90));
        assertThat(quarter.time(Duration.ofHours(2))).isEqualTo(Duration.ofMinutes(30));
        assertThat(quarter.enabled()).isTrue();
        FinalTraining none = new FinalTraining(0, Augmentation.NONE, 2);
        assertThat(none.enabled()).isFalse();
        assertThat(none.searchBudget(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void theMeasureOfFitLooksAtAThousandOfTheTrainedOnValidationImagesOrAllOfFewer() {
        assertThat(FinalTraining.fitMeasureShare(6_000) * 6_000).isCloseTo(1_000, within(1e-9));
        assertThat(FinalTraining.fitMeasureShare(1_000)).isEqualTo(1.0);
        assertThat(FinalTraining.fitMeasureShare(300)).isEqualTo(1.0);
    }

    @Test
    void aShareOutsideZeroToNineTenthsIsRefusedNamingTheFlag() {
        for (double share : new double[] {-0.1, 0.95, Double.NaN}) {
            assertThatThrownBy(() -> new FinalTraining(share, Augmentation.NONE, 2))
                    .hasMessageContaining("--final-training must be from 0 (none) to 0.9");
        }
    }
}
