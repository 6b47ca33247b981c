package io.autocnn.coordinator.store;

import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.ended;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.newExperiment;
import static io.autocnn.coordinator.store.TrialEventFixtures.started;
import static org.assertj.core.api.Assertions.assertThat;

/** Concurrent writers and a writer killed mid-append: nothing confirmed is lost, nothing is stored twice. */
class SqliteTrialStoreDurabilityTest {

    private static final int THREADS = 8;
    private static final int OWN_TRIALS_PER_THREAD = 25;
    private static final int SHARED_TRIALS = 10;
    private static final int KILL_AFTER_CONFIRMED = 300;

    @TempDir
    Path dir;

    /** Created, started, measured and completed: the life of a trial in four events. */
    private static List<TrialEvent> trialLife(String experimentId, int trial) {
        return List.of(created(experimentId, trial), started(experimentId, trial, 1, 1),
                epoch(experimentId, trial, 1, 1, 0.1 + trial / 10_000.0),
                ended(experimentId, trial, 1, TrialEventType.COMPLETED, 1, 2));
    }

    @Test
    void eightThreadsAppendingAtOnceLoseNothingAndDuplicateNothing() throws Exception {
        try (SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("trials.db"))) {
            String experimentId = store.createExperiment(newExperiment("concurrent")).id();
            AtomicInteger accepted = new AtomicInteger();
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(THREADS);
            List<Future<?>> done = new ArrayList<>();
            for (int thread = 0; thread < THREADS; thread++) {
                int firstOwn = 1_000 * (thread + 1);
                done.add(threads.submit(() -> {
                    start.await();
                    for (int i = 0; i < OWN_TRIALS_PER_THREAD; i++) {
                        // every thread also reports the shared trials: each of their events must be stored once
                        List<TrialEvent> events = new ArrayList<>(trialLife(experimentId, firstOwn + i));
                        if (i < SHARED_TRIALS) {
                            events.addAll(trialLife(experimentId, i));
                        }
                        for (TrialEvent event : events) {
                            accepted.addAndGet(store.appendAndGet(event).isPresent() ? 1 : 0);
                        }
                        assertThat(store.progress(experimentId).trials()).isPositive();
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> thread : done) {
                thread.get(2, TimeUnit.MINUTES);
            }
            threads.shutdown();

            int trials = THREADS * OWN_TRIALS_PER_THREAD + SHARED_TRIALS;
            List<TrialEvent> events = store.events(experimentId, 0, 10_000);
            assertThat(accepted.get()).isEqualTo(4 * trials);
            assertThat(events).hasSize(4 * trials);
            assertThat(events).extracting(TrialEvent::key).doesNotHaveDuplicates();
            assertThat(events).extracting(TrialEvent::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(store.progress(experimentId).byState()).containsEntry(TrialState.COMPLETED, (long) trials)
                    .containsEntry(TrialState.RUNNING, 0L);
        }
    }

    @Test
    @Timeout(value = 3, unit = TimeUnit.MINUTES)
    void aWriterKilledMidAppendLosesNoConfirmedEventAndLeavesConsistentProjections() throws Exception {
        Path file = dir.resolve("killed").resolve("trials.db");
        String experimentId;
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            experimentId = store.createExperiment(newExperiment("killed")).id();
        }
        // The child's output goes to files: Process.destroyForcibly closes the pipes, so what it confirmed just before
        // the kill could not be read from them afterwards.
        Path childOutput = dir.resolve("child-stdout.txt");
        Path childErrors = dir.resolve("child-stderr.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), AppendingProcess.class.getName(), file.toString(),
                experimentId)
                .redirectOutput(childOutput.toFile())
                .redirectError(childErrors.toFile())
                .start();
        while (confirmedSequences(childOutput).size() < KILL_AFTER_CONFIRMED && child.isAlive()) {
            Thread.sleep(20);
        }
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs, the store is never closed
        assertThat(child.waitFor(1, TimeUnit.MINUTES)).isTrue();
        List<Long> confirmed = confirmedSequences(childOutput);
        assertThat(confirmed).as("confirmed appends; the child said: %s", Files.readString(childErrors))
                .hasSizeGreaterThanOrEqualTo(KILL_AFTER_CONFIRMED);

        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            List<TrialEvent> events = store.events(experimentId, 0, 100_000);
            assertThat(events).extracting(TrialEvent::sequence).containsAll(confirmed);
            assertProjectionsAgreeWith(store, experimentId, events);
        }
    }

    /** The sequences on the complete lines of the child's output (the kill may cut the last one short). */
    private static List<Long> confirmedSequences(Path childOutput) throws IOException {
        String output = Files.readString(childOutput);
        return output.substring(0, output.lastIndexOf('\n') + 1).lines()
                .filter(line -> line.startsWith(AppendingProcess.CONFIRMED))
                .map(line -> Long.parseLong(line.substring(AppendingProcess.CONFIRMED.length())))
                .toList();
    }

    /** Every created trial has a row whose state follows its last event, and one epoch row per EPOCH event. */
    private static void assertProjectionsAgreeWith(TrialStore store, String experimentId, List<TrialEvent> events) {
        Map<Integer, List<TrialEvent>> byTrial = events.stream()
                .collect(Collectors.groupingBy(TrialEvent::trialIndex));
        TrialPage rows = store.trials(experimentId, new TrialQuery(TrialSort.TRIAL, false,
                Optional.empty(), 0, TrialQuery.MAX_LIMIT));
        Set<Integer> rowTrials = new HashSet<>();
        for (TrialRow row : rows.rows()) {
            rowTrials.add(row.trialIndex());
            List<TrialEvent> trialEvents = byTrial.get(row.trialIndex());
            TrialEventType last = trialEvents.get(trialEvents.size() - 1).type();
            TrialState expected = switch (last) {
                case CREATED -> TrialState.PENDING;
                case STARTED, EPOCH -> TrialState.RUNNING;
                default -> TrialState.valueOf(last.name());
            };
            assertThat(row.state()).as("trial %d after %s", row.trialIndex(), last).isEqualTo(expected);
            assertThat(store.trial(experimentId, row.trialIndex()).orElseThrow().epochs())
                    .hasSize((int) trialEvents.stream().filter(e -> e.type() == TrialEventType.EPOCH).count());
        }
        assertThat(rowTrials).isEqualTo(byTrial.keySet());
        assertThat(rows.total()).isEqualTo(byTrial.size());
    }
}
