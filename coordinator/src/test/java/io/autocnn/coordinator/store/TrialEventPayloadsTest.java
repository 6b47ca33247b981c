package io.autocnn.coordinator.store;

import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class TrialEventPayloadsTest {

    @Test
    void aCreatedEventKeepsTheTrialsParentAndSizeAndOneStoredBeforeThoseWereRecordedReadsWithNone() {
        TrialEventPayloads.Created child = new TrialEventPayloads.Created(Map.of("training.learningRate", 0.01),
                LeNet5.spec(), OptionalInt.of(3), 61_706, 416_520, Optional.empty(), OptionalLong.empty());
        assertThat(TrialEventPayloads.created(TrialEventPayloads.write(child))).isEqualTo(child);
        TrialEventPayloads.Created measured = new TrialEventPayloads.Created(Map.of(), LeNet5.spec(),
                OptionalInt.empty(), 61_706, 416_520, Optional.of(new InferenceLatency(0.4, 32, 0.1, 1, 9)),
                OptionalLong.of(12L << 20));
        assertThat(TrialEventPayloads.created(TrialEventPayloads.write(measured))).isEqualTo(measured);

        String older = "{\"parameters\": {}, \"spec\": " + TrialSpecJson.write(LeNet5.spec()) + "}";
        assertThat(TrialEventPayloads.created(older).parent()).isEmpty();
        assertThat(TrialEventPayloads.created(older).parameterCount()).isZero();
        assertThat(TrialEventPayloads.created(older).macs()).isZero();
        assertThat(TrialEventPayloads.created(older).latency()).isEmpty();
        assertThat(TrialEventPayloads.created(older).trainingBytes()).isEmpty();
        assertThat(TrialEventPayloads.created(older).spec()).isEqualTo(LeNet5.spec());
    }
}
