package io.autocnn.workers.train;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunnerOptionsTest {

    @Test
    void theTrainingErrorSampleIsCappedByTheValidationImagesMeasuredBesideIt() {
        RunnerOptions options = new RunnerOptions(10_000, 1_000);
        assertThat(options.trainErrorImages(2_000)).isEqualTo(2_000);
        assertThat(options.trainErrorImages(6_000)).isEqualTo(6_000);
        assertThat(options.trainErrorImages(20_000)).isEqualTo(10_000);
        assertThat(options.trainErrorImages(0)).as("no validation data: the whole sample").isEqualTo(10_000);
    }

    @Test
    void replicasFollowTheSlotsUpToWhatTheCoresHoldAtTheNativeThreadsOfEach() {
        int cores = Runtime.getRuntime().availableProcessors();
        int fit = Math.max(1, cores / NativeThreads.count());
        RunnerOptions options = RunnerOptions.defaults();
        assertThat(options.replicas()).isEqualTo(1);
        assertThat(options.withReplicasUpTo(1).replicas()).isEqualTo(1);
        assertThat(options.withReplicasUpTo(fit).replicas()).isEqualTo(fit);
        assertThat(options.withReplicasUpTo(cores * 4).replicas()).isEqualTo(fit);
        assertThatThrownBy(() -> options.withReplicas(0)).hasMessageContaining("replicas must be at least 1");
    }
}
