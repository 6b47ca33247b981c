package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.SyntheticExperiment;
import io.autocnn.coordinator.store.TrialEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaderboard of an experiment of 100,000 stored trials: the page shows the right first page, takes live events
 * without re-reading the list for each, and re-ranks. Load time and push latency are printed, not asserted.
 */
@Tag("slow")
class LeaderboardLoadTest {

    private static final int TRIALS = 100_000;
    private static final int PAGE = 50;
    private static final int PUSHES = 50;

    @TempDir
    static Path dataDir;
    private static SqliteTrialStore store;
    private static SyntheticExperiment experiment;
    private static ServiceInBrowser running;
    private static CoordinatorService service;
    private static HeadlessChromium browser;

    @BeforeAll
    static void start() {
        store = SqliteTrialStore.open(dataDir.resolve("autocnn.db"));
        experiment = SyntheticExperiment.load(store, "a hundred thousand trials", TRIALS);
        running = ServiceInBrowser.start(dataDir, store, 1);
        service = running.service();
        browser = running.browser();
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static long number(String javascript) {
        return ((Number) browser.script(javascript)).longValue();
    }

    @Test
    void theFirstPageLoadsAndLiveEventsArriveAndReRankWithoutReReadingPerEvent() throws Exception {
        long loadStart = System.nanoTime();
        browser.open(running.page("experiments/" + experiment.id()));
        HeadlessChromium.await("the first page", Duration.ofSeconds(20), () -> browser.tableRows().size() == PAGE);
        long loadMillis = (System.nanoTime() - loadStart) / 1_000_000;
        assertThat(browser.tableRows()).extracting(cells -> Integer.parseInt(cells.get(1)))
                .containsExactlyElementsOf(experiment.ranking(PAGE));
        HeadlessChromium.await("the live stream", Duration.ofSeconds(10),
                () -> "live".equals(browser.find("#connection").getText()));
        long refreshesBefore = number("return window.__autocnn.refreshes();");

        // A trial far down the ranking improves epoch after epoch until it leads.
        int climber = experiment.ranking(1_000).get(999);
        Map<Long, Long> storedAt = new HashMap<>();
        long last = 0;
        for (int i = 0; i < PUSHES; i++) {
            TrialEvent stored = store.appendAndGet(experiment.epoch(climber, 2 + i, 0.5 / (i + 1) / TRIALS))
                    .orElseThrow();
            storedAt.put(stored.sequence(), System.currentTimeMillis());
            service.publish(stored);
            last = stored.sequence();
            Thread.sleep(20);
        }
        long lastPushed = last;
        HeadlessChromium.await("every pushed event", Duration.ofSeconds(10),
                () -> number("return window.__autocnn.lastSequence();") == lastPushed);
        HeadlessChromium.await("the climber to lead", Duration.ofSeconds(5),
                () -> browser.tableRows().get(0).get(1).equals(Integer.toString(climber)));

        @SuppressWarnings("unchecked")
        Map<String, Number> received = (Map<String, Number>) browser.script(
                "return Object.fromEntries(window.__autocnn.received);");
        List<Long> latencies = new ArrayList<>();
        storedAt.forEach((sequence, at) -> latencies.add(received.get(Long.toString(sequence)).longValue() - at));
        latencies.sort(null);
        long refreshes = number("return window.__autocnn.refreshes();") - refreshesBefore;
        System.out.printf("leaderboard with %,d trials: first page shown after %d ms; %d pushes: latency p50 %d ms, "
                        + "p99 %d ms, max %d ms; %d page re-reads%n", TRIALS, loadMillis, PUSHES,
                latencies.get(PUSHES / 2), latencies.get((int) Math.ceil(PUSHES * 0.99) - 1),
                latencies.get(PUSHES - 1), refreshes);
        assertThat(latencies).hasSize(PUSHES);
        assertThat(refreshes).as("page re-reads are throttled, not one per event").isLessThan(PUSHES / 2);
    }
}
