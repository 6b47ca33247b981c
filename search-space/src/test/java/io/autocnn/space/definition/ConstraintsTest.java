package io.autocnn.space.definition;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.NetworkCost;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintsTest {

    private static final Constraints ALL = new Constraints(OptionalLong.of(1_000), OptionalLong.of(50_000),
            OptionalDouble.of(0.5), OptionalLong.of(10), 16);

    private static CandidateCost cost(long parameters, double ms, long trainingBytes) {
        return new CandidateCost(new NetworkCost(parameters, 40_000),
                Optional.of(new InferenceLatency(ms, 16, ms / 4, 1, 9)), OptionalLong.of(trainingBytes));
    }

    @Test
    void eachConstraintIsCheckedCountedOnesFirstAndTheBrokenOneNamedWithBothNumbers() {
        assertThat(ALL.brokenBy(cost(999, 0.5, 10L << 20))).isEmpty();
        assertThat(ALL.brokenBy(cost(1_001, 9.0, 99L << 20))).get().asString()
                .startsWith("breaks constraint maxParameters: 1,001 parameters");
        assertThat(ALL.brokenBy(cost(999, 0.501, 99L << 20))).get().asString()
                .isEqualTo("breaks constraint maxLatencyMs: 0.501 ms per image at batch 1, at most 0.5 allowed");
        assertThat(ALL.brokenBy(cost(999, 0.2, (10L << 20) + 1))).get().asString()
                .isEqualTo("breaks constraint maxTrainingMemoryMb: 10 MB to train, at most 10 allowed");
    }

    @Test
    void aDeclaredConstraintWhoseFigureWasNotMeasuredIsBrokenNotPassed() {
        CandidateCost countedOnly = CandidateCost.counted(new NetworkCost(10, 10));
        assertThat(ALL.brokenBy(countedOnly)).get().asString().startsWith("could not be measured")
                .contains("latency was not measured (maxLatencyMs)");
        assertThat(Constraints.NONE.brokenBy(countedOnly)).isEmpty();
        assertThat(Constraints.NONE.isEmpty()).isTrue();
        assertThat(ALL.isEmpty()).isFalse();
    }
}
