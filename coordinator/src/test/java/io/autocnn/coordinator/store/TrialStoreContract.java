package io.autocnn.coordinator.store;

import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;
import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import static io.autocnn.coordinator.store.TrialEventFixtures.PARAMETER_COUNT;
import static io.autocnn.coordinator.store.TrialEventFixtures.START;
import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.ended;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.newExperiment;
import static io.autocnn.coordinator.store.TrialEventFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** What every {@link TrialStore} must do; each implementation's test extends this with its own store. */
abstract class TrialStoreContract {

    @TempDir
    Path dir;
    TrialStore store;
    String experimentId;

    /** A new, empty store keeping its data under {@code dir}. */
    protected abstract TrialStore newStore(Path dir);

    @BeforeEach
    void openStore() {
        store = newStore(dir);
        experimentId = store.createExperiment(newExperiment("lenet")).id();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    private TrialRow row(int trialIndex) {
        return store.trial(experimentId, trialIndex).orElseThrow().trial();
    }

    private void appendAll(TrialEvent... events) {
        for (TrialEvent event : events) {
            assertThat(store.appendAndGet(event)).as("append %s", event).isPresent();
        }
    }

    // --- experiments

    @Test
    void createdExperimentsGetShortRandomIdsAndReadBackAsCreated() {
        ExperimentRecord second = store.createExperiment(new NewExperiment("wide", "{\"seed\":1}", "abc"));

        assertThat(second.id()).matches("exp-[a-z2-7]{12}").isNotEqualTo(experimentId);
        assertThat(second.status()).isEqualTo(ExperimentStatus.RUNNING);
        assertThat(second.reason()).isEmpty();
        assertThat(second.createdAt()).isEqualTo(second.updatedAt());
        assertThat(store.experiment(second.id())).contains(second);
        assertThat(store.experiments()).extracting(ExperimentRecord::id).containsExactly(second.id(), experimentId);
        assertThat(store.experiment("exp-unknown")).isEmpty();
    }

    @Test
    void statusUpdatesAreStoredAndUnknownExperimentsRefused() {
        store.updateStatus(experimentId, ExperimentStatus.FAILED, "dataset missing");

        ExperimentRecord updated = store.experiment(experimentId).orElseThrow();
        assertThat(updated.status()).isEqualTo(ExperimentStatus.FAILED);
        assertThat(updated.reason()).isEqualTo("dataset missing");
        assertThat(updated.updatedAt()).isAfterOrEqualTo(updated.createdAt());
        assertThatThrownBy(() -> store.updateStatus("exp-unknown", ExperimentStatus.CANCELLED, ""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp-unknown");
    }

    // --- appends and projections

    @Test
    void aRepeatedEventIsIgnoredAndChangesNothing() {
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 2), epoch(experimentId, 0, 1, 1, 0.4));
        TrialEvent sameKeyOtherValues = epoch(experimentId, 0, 1, 1, 0.9);

        assertThat(store.appendAndGet(epoch(experimentId, 0, 1, 1, 0.4))).isEmpty();
        assertThat(store.appendAndGet(sameKeyOtherValues)).isEmpty();
        assertThat(store.events(experimentId, 0, 100)).hasSize(3);
        assertThat(row(0).validationError()).hasValue(0.4);
    }

    @Test
    void createdTrialIsPendingWithItsParametersAndSpec() {
        appendAll(created(experimentId, 7));

        TrialRow row = row(7);
        assertThat(row.state()).isEqualTo(TrialState.PENDING);
        assertThat(row.attempt()).isEqualTo(1);
        assertThat(row.parametersJson()).contains("\"learningRate\"").contains("0.01");
        assertThat(TrialSpecJson.read(row.specJson(), "stored spec")).isEqualTo(TrialEventFixtures.spec(7));
        assertThat(row.epochsTrained()).isZero();
        assertThat(row.validationError()).isEmpty();
        assertThat(row.failureCause()).isEmpty();
        assertThat(row.seconds()).isZero();
        assertThat(row.updatedAt()).isEqualTo(START.plusSeconds(7));
        assertThat(store.trial(experimentId, 8)).isEmpty();
    }

    @Test
    void startedAndEpochEventsUpdateTheTrialAndItsEpochs() {
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 2));
        assertThat(row(0).state()).isEqualTo(TrialState.RUNNING);

        appendAll(epoch(experimentId, 0, 1, 1, 0.4), epoch(experimentId, 0, 1, 2, 0.3));

        TrialDetail detail = store.trial(experimentId, 0).orElseThrow();
        assertThat(detail.trial().state()).isEqualTo(TrialState.RUNNING);
        assertThat(detail.trial().epochsTrained()).isEqualTo(2);
        assertThat(detail.trial().parameterCount()).isEqualTo(PARAMETER_COUNT);
        assertThat(detail.trial().validationError()).hasValue(0.3);
        assertThat(detail.trial().trainError()).hasValue(0.15);
        assertThat(detail.trial().testError()).hasValue(0.31);
        assertThat(detail.epochs()).containsExactly(TrialEventFixtures.metrics(1, 0.4),
                TrialEventFixtures.metrics(2, 0.3));
    }

    @ParameterizedTest
    @EnumSource(value = TrialEventType.class, names = {"PAUSED", "COMPLETED", "PRUNED", "FAILED", "CANCELLED"})
    void anEndedRunSetsTheStateOfTheSameNameAndAddsItsSeconds(TrialEventType type) {
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 1), epoch(experimentId, 0, 1, 1, 0.4),
                ended(experimentId, 0, 1, TrialEventType.PAUSED, 1, 20),
                started(experimentId, 0, 1, 3), ended(experimentId, 0, 1, type, 3, 30.5));

        TrialRow row = row(0);
        assertThat(row.state()).isEqualTo(TrialState.valueOf(type.name()));
        assertThat(row.epochsTrained()).isEqualTo(3);
        assertThat(row.seconds()).isEqualTo(50.5);
        if (type == TrialEventType.FAILED) {
            assertThat(row.failureCause()).contains(FailureCause.NAN);
            assertThat(row.message()).isEqualTo("loss became NaN");
        } else {
            assertThat(row.failureCause()).isEmpty();
            assertThat(row.message()).isEmpty();
        }
    }

    @Test
    void aRetriedAttemptClearsTheFailureAndReplacesTheEpochsItReportsAgain() {
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 3), epoch(experimentId, 0, 1, 1, 0.5),
                epoch(experimentId, 0, 1, 2, 0.4), ended(experimentId, 0, 1, TrialEventType.FAILED, 2, 10));

        appendAll(started(experimentId, 0, 2, 3), epoch(experimentId, 0, 2, 1, 0.3));

        TrialDetail detail = store.trial(experimentId, 0).orElseThrow();
        assertThat(detail.trial().attempt()).isEqualTo(2);
        assertThat(detail.trial().state()).isEqualTo(TrialState.RUNNING);
        assertThat(detail.trial().failureCause()).isEmpty();
        assertThat(detail.trial().epochsTrained()).isEqualTo(1);
        assertThat(detail.trial().validationError()).hasValue(0.3);
        assertThat(detail.trial().seconds()).isEqualTo(10);
        assertThat(detail.epochs()).extracting(EpochMetrics::epoch, EpochMetrics::validationError)
                .containsExactly(tuple(1.0, 0.3),
                        tuple(2.0, 0.4));
    }

    @Test
    void lateEventsOfAnAbandonedAttemptAreLoggedButChangeNoProjection() {
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 2), started(experimentId, 0, 2, 2));

        assertThat(store.appendAndGet(epoch(experimentId, 0, 1, 1, 0.1))).isPresent();
        assertThat(store.appendAndGet(ended(experimentId, 0, 1, TrialEventType.COMPLETED, 2, 9))).isPresent();

        TrialDetail detail = store.trial(experimentId, 0).orElseThrow();
        assertThat(detail.trial().state()).isEqualTo(TrialState.RUNNING);
        assertThat(detail.trial().attempt()).isEqualTo(2);
        assertThat(detail.trial().validationError()).isEmpty();
        assertThat(detail.epochs()).isEmpty();
        assertThat(store.events(experimentId, 0, 100)).hasSize(5);
    }

    @Test
    void eventsOfUnknownTrialsOrExperimentsAreRefusedAndNotStored() {
        assertThatThrownBy(() -> store.appendAndGet(started(experimentId, 3, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trial 3").hasMessageContaining("CREATED");
        assertThatThrownBy(() -> store.appendAndGet(created("exp-unknown", 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp-unknown");
        appendAll(created(experimentId, 0));
        TrialEvent createdAgainAsAttempt2 = new TrialEvent(0, experimentId, 0, 2, TrialEventType.CREATED, 0,
                created(experimentId, 0).payloadJson(), START);
        assertThatThrownBy(() -> store.appendAndGet(createdAgainAsAttempt2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("already created");

        assertThat(store.events(experimentId, 0, 100)).extracting(TrialEvent::type)
                .containsExactly(TrialEventType.CREATED);
        assertThat(store.lastSequence("exp-unknown")).isZero();
    }

    // --- listing trials

    /** Trials 0..5 with validation errors 0.3, none, 0.1, 0.3, none, 0.2; 0 and 2 completed, the rest running. */
    private void appendRankedTrials() {
        Double[] errors = {0.3, null, 0.1, 0.3, null, 0.2};
        for (int trial = 0; trial < errors.length; trial++) {
            appendAll(created(experimentId, trial), started(experimentId, trial, 1, 2));
            if (errors[trial] != null) {
                appendAll(epoch(experimentId, trial, 1, 1, errors[trial]));
            }
        }
        appendAll(ended(experimentId, 0, 1, TrialEventType.COMPLETED, 1, 3),
                ended(experimentId, 2, 1, TrialEventType.COMPLETED, 1, 4));
    }

    private List<Integer> order(TrialSort sort, boolean descending) {
        return store.trials(experimentId, new TrialQuery(sort, descending, Optional.empty(), 0, 100)).rows().stream()
                .map(TrialRow::trialIndex).toList();
    }

    @Test
    void rankingPutsTrialsWithoutAnErrorLastInBothDirectionsAndBreaksTiesByTrialIndex() {
        appendRankedTrials();

        assertThat(order(TrialSort.VALIDATION_ERROR, false)).containsExactly(2, 5, 0, 3, 1, 4);
        assertThat(order(TrialSort.VALIDATION_ERROR, true)).containsExactly(0, 3, 5, 2, 1, 4);
        assertThat(order(TrialSort.TEST_ERROR, true)).containsExactly(0, 3, 5, 2, 1, 4);
        assertThat(order(TrialSort.TRIAL, true)).containsExactly(5, 4, 3, 2, 1, 0);
        assertThat(order(TrialSort.SECONDS, true)).containsExactly(2, 0, 1, 3, 4, 5);
        assertThat(order(TrialSort.EPOCHS, false)).containsExactly(1, 4, 0, 2, 3, 5);
    }

    @Test
    void stateFilterAndPagesCountEveryMatch() {
        appendRankedTrials();

        TrialPage running = store.trials(experimentId,
                new TrialQuery(TrialSort.VALIDATION_ERROR, false, Optional.of(TrialState.RUNNING), 0, 2));
        assertThat(running.total()).isEqualTo(4);
        assertThat(running.rows()).extracting(TrialRow::trialIndex).containsExactly(5, 3);

        List<Integer> paged = new ArrayList<>();
        for (int offset = 0; offset < 6; offset += 4) {
            TrialPage page = store.trials(experimentId, TrialQuery.ranking(offset, 4));
            assertThat(page.total()).isEqualTo(6);
            page.rows().forEach(row -> paged.add(row.trialIndex()));
        }
        assertThat(paged).containsExactly(2, 5, 0, 3, 1, 4);
        assertThat(store.trials(experimentId, TrialQuery.ranking(6, 4)).rows()).isEmpty();
        assertThat(store.trials("exp-unknown", TrialQuery.ranking(0, 4))).isEqualTo(new TrialPage(0, List.of()));
    }

    /**
     * Twelve trials: filters 8, 16, 24 by index mod 3; ADAM on even indexes, SGD on odd; a second block (64 filters)
     * only on even indexes; validation error 0.01 * (index + 1).
     */
    private void appendTrialsWithParameters() {
        for (int trial = 0; trial < 12; trial++) {
            Map<String, Object> parameters = new LinkedHashMap<>();
            parameters.put("convBlocks[0].filters", 8 * (trial % 3 + 1));
            parameters.put("training.optimizer", trial % 2 == 0 ? "ADAM" : "SGD");
            if (trial % 2 == 0) {
                parameters.put("convBlocks[1].filters", 64);
            }
            appendAll(created(experimentId, trial, parameters), started(experimentId, trial, 1, 2),
                    epoch(experimentId, trial, 1, 1, 0.01 * (trial + 1)));
        }
    }

    private List<Integer> matching(ParameterFilter... filters) {
        TrialPage page = store.trials(experimentId,
                new TrialQuery(TrialSort.TRIAL, false, Optional.empty(), 0, 100, List.of(filters)));
        List<Integer> trials = page.rows().stream().map(TrialRow::trialIndex).toList();
        assertThat(page.total()).as("the count of a filtered listing").isEqualTo(trials.size());
        return trials;
    }

    @Test
    void parameterFiltersKeepTrialsInARangeOrOfSomeValuesAndNeverOnesWithoutTheParameter() {
        appendTrialsWithParameters();

        assertThat(matching(new ParameterFilter.Range("convBlocks[0].filters", 10, 24)))
                .containsExactly(1, 2, 4, 5, 7, 8, 10, 11);
        assertThat(matching(new ParameterFilter.OneOf("training.optimizer", List.of("SGD")),
                new ParameterFilter.OneOf("convBlocks[0].filters", List.of(8, 24))))
                .containsExactly(3, 5, 9, 11);
        assertThat(matching(new ParameterFilter.Range("convBlocks[1].filters", 0, 1000)))
                .as("odd trials have no second block").containsExactly(0, 2, 4, 6, 8, 10);
        assertThat(matching(new ParameterFilter.Range("no.such[0].key", 0, 1000))).isEmpty();
        assertThat(matching(new ParameterFilter.OneOf("a \" quote'", List.of("x")))).as("keys are bound").isEmpty();
    }

    @Test
    void aSpreadSampleTakesTheLimitsNumberOfMatchesEvenlyOverTheQuerysOrderAndCountsThemAll() {
        appendTrialsWithParameters();

        TrialPage spread = store.spread(experimentId, new TrialQuery(TrialSort.VALIDATION_ERROR, true,
                Optional.empty(), 0, 5));
        assertThat(spread.total()).isEqualTo(12);
        assertThat(spread.rows()).extracting(TrialRow::trialIndex).containsExactly(11, 8, 6, 3, 1);
        TrialPage filtered = store.spread(experimentId, new TrialQuery(TrialSort.TRIAL, false, Optional.empty(), 0,
                3, List.of(new ParameterFilter.OneOf("training.optimizer", List.of("ADAM")))));
        assertThat(filtered.total()).isEqualTo(6);
        assertThat(filtered.rows()).extracting(TrialRow::trialIndex).containsExactly(0, 4, 8);
        assertThat(store.spread(experimentId, TrialQuery.ranking(0, 100)).rows()).hasSize(12);
    }

    @Test
    void progressCountsEveryStateAndFindsTheBestTrial() {
        ExperimentProgress empty = store.progress(experimentId);
        assertThat(empty.trials()).isZero();
        assertThat(empty.byState()).containsOnlyKeys(TrialState.values()).allSatisfy((state, n) -> assertThat(n).isZero());
        assertThat(empty.bestValidationError()).isEmpty();
        assertThat(empty.bestTrial()).isEmpty();

        appendRankedTrials();

        ExperimentProgress progress = store.progress(experimentId);
        assertThat(progress.trials()).isEqualTo(6);
        assertThat(progress.byState()).containsEntry(TrialState.RUNNING, 4L).containsEntry(TrialState.COMPLETED, 2L)
                .containsEntry(TrialState.PENDING, 0L).containsEntry(TrialState.FAILED, 0L).hasSize(TrialState.values().length);
        assertThat(progress.bestValidationError()).isEqualTo(OptionalDouble.of(0.1));
        assertThat(progress.bestTrial()).hasValue(2);
    }

    // --- the event stream

    @Test
    void eventsAfterASequenceComeInOrderFromThatExperimentOnly() {
        String other = store.createExperiment(newExperiment("other")).id();
        appendAll(created(experimentId, 0), created(other, 0), started(experimentId, 0, 1, 2),
                epoch(experimentId, 0, 1, 1, 0.4), epoch(experimentId, 0, 1, 2, 0.3));

        List<TrialEvent> all = store.events(experimentId, 0, 100);
        assertThat(all).extracting(TrialEvent::type).containsExactly(TrialEventType.CREATED, TrialEventType.STARTED,
                TrialEventType.EPOCH, TrialEventType.EPOCH);
        assertThat(all).extracting(TrialEvent::sequence).isSorted().doesNotHaveDuplicates().allMatch(s -> s > 0);
        assertThat(all.get(2)).isEqualTo(epoch(experimentId, 0, 1, 1, 0.4).withSequence(all.get(2).sequence()));
        assertThat(store.events(experimentId, all.get(0).sequence(), 2)).containsExactlyElementsOf(all.subList(1, 3));
        assertThat(store.lastSequence(experimentId)).isEqualTo(all.get(3).sequence());
        assertThat(store.events(other, 0, 100)).singleElement().extracting(TrialEvent::experimentId).isEqualTo(other);
    }

    @Test
    void anAppendedEventComesBackWithTheSequenceTheStreamWillShow() {
        TrialEvent first = store.appendAndGet(created(experimentId, 0)).orElseThrow();
        TrialEvent second = store.appendAndGet(started(experimentId, 0, 1, 2)).orElseThrow();

        assertThat(store.events(experimentId, 0, 100)).containsExactly(first, second);
        assertThat(second.sequence()).isGreaterThan(first.sequence());
        assertThat(store.appendAndGet(created(experimentId, 0))).isEmpty();
    }

    // --- search state and deletion

    @Test
    void savedSearchStateReplacesThePreviousOne() {
        assertThat(store.searchState(experimentId)).isEmpty();

        store.saveSearchState(experimentId, new SearchState("{\"rng\":1}", "{\"rungs\":[]}", 4, 60));
        store.saveSearchState(experimentId, new SearchState("{\"rng\":2}", "{\"rungs\":[1]}", 9, 95.5));

        assertThat(store.searchState(experimentId))
                .contains(new SearchState("{\"rng\":2}", "{\"rungs\":[1]}", 9, 95.5));
        assertThatThrownBy(() -> store.saveSearchState("exp-unknown", new SearchState("{}", "{}", 0, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exp-unknown");
    }

    @Test
    void deletingAnExperimentRemovesAllOfItAndNothingElse() {
        String kept = store.createExperiment(newExperiment("kept")).id();
        for (String id : List.of(experimentId, kept)) {
            appendAll(created(id, 0), started(id, 0, 1, 1), epoch(id, 0, 1, 1, 0.2));
            store.saveSearchState(id, new SearchState("{}", "{}", 1, 1));
        }

        assertThat(store.deleteExperiment(experimentId)).isTrue();

        assertThat(store.experiment(experimentId)).isEmpty();
        assertThat(store.events(experimentId, 0, 100)).isEmpty();
        assertThat(store.trial(experimentId, 0)).isEmpty();
        assertThat(store.searchState(experimentId)).isEmpty();
        assertThat(store.progress(experimentId).trials()).isZero();
        assertThat(store.deleteExperiment(experimentId)).isFalse();
        assertThat(store.events(kept, 0, 100)).hasSize(3);
        assertThat(store.trial(kept, 0).orElseThrow().epochs()).hasSize(1);
        assertThat(store.searchState(kept)).isPresent();
    }

    @Test
    void aDivergedEpochKeepsItsNaNLossAndHasNoTestError() {
        EpochMetrics diverged = new EpochMetrics(1, Double.NaN, 0.9, 0.9, OptionalDouble.empty(), 3, 300, 10);
        appendAll(created(experimentId, 0), started(experimentId, 0, 1, 1), new TrialEvent(0, experimentId, 0, 1,
                TrialEventType.EPOCH, 1, TrialEventPayloads.write(diverged), START));

        TrialDetail detail = store.trial(experimentId, 0).orElseThrow();
        assertThat(detail.epochs()).singleElement().satisfies(epoch -> {
            assertThat(epoch.trainLoss()).isNaN();
            assertThat(epoch.testError()).isEmpty();
            assertThat(epoch.validationError()).isEqualTo(0.9);
        });
        assertThat(detail.trial().testError()).isEmpty();
    }
}
