package io.autocnn.coordinator.search;

import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The one rule for "the trial the search would choose now", held equal to the final ranking. */
class LeadingTrialTest {

    private static TrialSummary trial(int index, double... validationErrors) {
        List<EpochMetrics> epochs = new ArrayList<>();
        for (int i = 0; i < validationErrors.length; i++) {
            epochs.add(new EpochMetrics(i + 1, 0.5, 0.2, validationErrors[i], OptionalDouble.empty(), 1, 100, 10));
        }
        return new TrialSummary(index, null, TrialState.RUNNING, Optional.empty(), "", epochs, epochs.size(), 10, 1);
    }

    @Test
    void aLeaderWhoseLatestEpochGotWorseLosesTheLeadAsInTheRanking() {
        LeadingTrial leading = new LeadingTrial();
        assertThat(leading.update(4, 0.0967)).isTrue();
        assertThat(leading.update(23, 0.0983)).isFalse();
        // Trial 4 trains on and gets worse: its checkpoint no longer holds the 9.67 % network.
        assertThat(leading.update(4, 0.1050)).isTrue();

        assertThat(leading.leader()).contains(new LeadingTrial.Standing(23, 0.0983));
        assertThat(Ranking.rank(List.of(trial(4, 0.0967, 0.1050), trial(23, 0.0983))).get(0).index()).isEqualTo(23);
    }

    @Test
    void tiesGoToTheLowerTrialIndexLikeTheStoresRanking() {
        LeadingTrial leading = new LeadingTrial();
        leading.update(7, 0.1);
        assertThat(leading.update(3, 0.1)).isTrue();
        assertThat(leading.leader().orElseThrow().trial()).isEqualTo(3);
        // The ranking does not prefer the trial that trained longer at an equal error.
        assertThat(Ranking.rank(List.of(trial(7, 0.3, 0.1), trial(3, 0.1))).get(0).index()).isEqualTo(3);
    }

    @Test
    void nothingLeadsBeforeTheFirstEpochAndAnUnchangedLeaderIsNoNews() {
        LeadingTrial leading = new LeadingTrial();
        assertThat(leading.leader()).isEmpty();
        leading.update(0, 0.2);
        assertThat(leading.update(0, 0.2)).isFalse();
        assertThat(leading.update(1, 0.3)).isFalse();
    }

    @Test
    void overAnySequenceOfEpochsTheLeaderIsTheRankingsFirstTrial() {
        Random random = new Random(42);
        for (int sequence = 0; sequence < 50; sequence++) {
            LeadingTrial leading = new LeadingTrial();
            Map<Integer, List<Double>> errors = new HashMap<>();
            for (int step = 0; step < 200; step++) {
                int index = random.nextInt(12);
                // Coarse errors (as on a small validation set) make ties common.
                double error = random.nextInt(20) / 100.0;
                errors.computeIfAbsent(index, i -> new ArrayList<>()).add(error);
                leading.update(index, error);
                List<TrialSummary> trials = errors.entrySet().stream().map(e -> trial(e.getKey(),
                        e.getValue().stream().mapToDouble(Double::doubleValue).toArray())).toList();
                TrialSummary first = Ranking.rank(trials).get(0);
                assertThat(leading.leader().orElseThrow())
                        .isEqualTo(new LeadingTrial.Standing(first.index(), first.validationError().getAsDouble()));
            }
        }
    }
}
