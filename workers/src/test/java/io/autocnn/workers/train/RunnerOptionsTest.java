package io.autocnn.workers.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RunnerOptionsTest {

    @Test
    void theTrainingErrorSampleIsCappedByTheValidationImagesMeasuredBesideIt() {
        RunnerOptions options = new RunnerOptions(10_000, 1_000);
        assertThat(options.trainErrorImages(2_000)).isEqualTo(2_000);
        assertThat(options.trainErrorImages(6_000)).isEqualTo(6_000);
        assertThat(options.trainErrorImages(20_000)).isEqualTo(10_000);
        assertThat(options.trainErrorImages(0)).as("no validation data: the whole sample").isEqualTo(10_000);
    }
}
