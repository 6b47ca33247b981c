package io.autocnn.coordinator.store;

import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class TrialEventPayloadsTest {

    @Test
    void aCreatedEventKeepsTheTrialsParentAndSizeAndOneStoredBeforeThoseWereRecordedReadsWithNone() {
        TrialEventPayloads.Created child = new TrialEventPayloads.Created(Map.of("training.learningRate", 0.01),
                LeNet5.spec(), OptionalInt.of(3), 61_706, 416_520);
        assertThat(TrialEventPayloads.created(TrialEventPayloads.write(child))).isEqualTo(child);

        String older = "{\"parameters\": {}, \"spec\": " + TrialSpecJson.write(LeNet5.spec()) + "}";
        assertThat(TrialEventPayloads.created(older).parent()).isEmpty();
        assertThat(TrialEventPayloads.created(older).parameterCount()).isZero();
        assertThat(TrialEventPayloads.created(older).macs()).isZero();
        assertThat(TrialEventPayloads.created(older).spec()).isEqualTo(LeNet5.spec());
    }
}
