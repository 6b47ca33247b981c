package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a run ended maps to its stored event and back in one place, for every state. */
class TrialEventTypeTest {

    @Test
    void everyStateARunCanEndInHasItsEventAndBack() {
        EnumSet<TrialState> ends = EnumSet.of(TrialState.PAUSED, TrialState.COMPLETED, TrialState.PRUNED,
                TrialState.FAILED, TrialState.CANCELLED, TrialState.TIMED_OUT);
        for (TrialState state : ends) {
            assertThat(TrialEventType.endOf(state).endState()).isEqualTo(state);
        }
        for (TrialState state : EnumSet.complementOf(ends)) {
            assertThatThrownBy(() -> TrialEventType.endOf(state)).hasMessageContaining(state.name());
        }
        for (TrialEventType type : EnumSet.of(TrialEventType.CREATED, TrialEventType.STARTED, TrialEventType.EPOCH)) {
            assertThatThrownBy(type::endState).hasMessageContaining("does not end a run");
        }
    }
}
