package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.stream.IntStream;

import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.ended;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.newExperiment;
import static org.assertj.core.api.Assertions.assertThat;

/** An experiment of 100,000 trials: the leaderboard's first pages are right (times are printed, not asserted). */
@Tag("slow")
class SqliteTrialStoreScaleTest {

    private static final int TRIALS = 100_000;
    private static final int TRIALS_PER_TRANSACTION = 10_000;
    /** A prime above TRIALS: trial * 7919 modulo it gives every trial a different validation error. */
    private static final int MODULUS = 100_003;
    private static final int PAGE = 50;

    @TempDir
    Path dir;

    /** Every tenth trial has no epoch yet; every third is completed. */
    private static OptionalDouble validationError(int trial) {
        return trial % 10 == 0 ? OptionalDouble.empty() : OptionalDouble.of((trial * 7919L % MODULUS) / (double) MODULUS);
    }

    private static boolean completed(int trial) {
        return trial % 3 == 0;
    }

    private static List<TrialEvent> events(String experimentId, int trial) {
        List<TrialEvent> events = new ArrayList<>(3);
        events.add(created(experimentId, trial));
        validationError(trial).ifPresent(error -> events.add(epoch(experimentId, trial, 1, 1, error)));
        if (completed(trial)) {
            events.add(ended(experimentId, trial, 1, TrialEventType.COMPLETED, 1, 10));
        }
        return events;
    }

    private static List<Integer> expectedFirstPage(boolean onlyCompleted) {
        return IntStream.range(0, TRIALS).boxed()
                .filter(trial -> validationError(trial).isPresent() && (!onlyCompleted || completed(trial)))
                .sorted(Comparator.comparingDouble(trial -> validationError(trial).getAsDouble()))
                .limit(PAGE).toList();
    }

    @Test
    void theRankingOfAHundredThousandTrialsComesBackRight() {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("trials.db"))) {
            String experimentId = store.createExperiment(newExperiment("large")).id();
            long loadStart = System.nanoTime();
            for (int first = 0; first < TRIALS; first += TRIALS_PER_TRANSACTION) {
                List<TrialEvent> batch = new ArrayList<>();
                IntStream.range(first, first + TRIALS_PER_TRANSACTION)
                        .forEach(trial -> batch.addAll(events(experimentId, trial)));
                assertThat(store.appendAll(batch)).isEqualTo(batch.size());
            }
            long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;

            TrialQuery completedOnly = new TrialQuery(TrialSort.VALIDATION_ERROR, false,
                    Optional.of(TrialState.COMPLETED), 0, PAGE);
            TrialPage ranking = store.trials(experimentId, TrialQuery.ranking(0, PAGE));
            TrialPage completed = store.trials(experimentId, completedOnly);
            long queryStart = System.nanoTime(); // again, as a leaderboard refreshing would
            store.trials(experimentId, TrialQuery.ranking(0, PAGE));
            store.trials(experimentId, completedOnly);
            long queryMicros = (System.nanoTime() - queryStart) / 1_000;

            assertThat(ranking.total()).isEqualTo(TRIALS);
            assertThat(ranking.rows()).extracting(TrialRow::trialIndex).isEqualTo(expectedFirstPage(false));
            assertThat(completed.total()).isEqualTo((TRIALS + 2) / 3);
            assertThat(completed.rows()).extracting(TrialRow::trialIndex).isEqualTo(expectedFirstPage(true));
            assertThat(store.progress(experimentId).bestTrial()).hasValue(expectedFirstPage(false).get(0));
            System.out.printf("trial store, %d trials: loaded in %d ms; ranking and filtered ranking (page of %d "
                    + "with totals) in %d µs%n", TRIALS, loadMillis, PAGE, queryMicros);
        }
    }
}
