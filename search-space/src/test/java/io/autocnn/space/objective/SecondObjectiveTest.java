package io.autocnn.space.objective;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.NetworkCost;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SecondObjectiveTest {

    @Test
    void latencyIsTheMeasuredBatchOneFigureAndAbsentWhenNotMeasured() {
        CandidateCost measured = new CandidateCost(new NetworkCost(61_706, 416_520),
                Optional.of(new InferenceLatency(0.25, 32, 0.05, 2, 9)), OptionalLong.empty());
        assertThat(SecondObjective.LATENCY.of(measured)).hasValue(0.25);
        assertThat(SecondObjective.PARAMS.of(measured)).hasValue(61_706);
        assertThat(SecondObjective.MACS.of(measured)).hasValue(416_520);
        assertThat(SecondObjective.LATENCY.of(CandidateCost.counted(measured.counted()))).isEmpty();
        assertThat(SecondObjective.LATENCY.isMeasured()).isTrue();
        assertThat(SecondObjective.MACS.isMeasured()).isFalse();
    }

    @Test
    void namesAreParsedAndAnUnknownOneListsTheChoices() {
        assertThat(SecondObjective.parse("latency")).contains(SecondObjective.LATENCY);
        assertThat(SecondObjective.parse("none")).isEmpty();
        assertThatThrownBy(() -> SecondObjective.parse("speed")).hasMessageContaining("[none, params, macs, latency]");
    }
}
