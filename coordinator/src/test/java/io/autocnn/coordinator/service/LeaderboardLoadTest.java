package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.SyntheticExperiment;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.definition.SpaceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static java.nio.charset.StandardCharsets.UTF_8;
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

    @Test
    void theParameterViewsAndAFilteredTableStayBoundedAtAHundredThousandTrials() throws Exception {
        ApiClient api = new ApiClient(service.port(), null);
        String path = "/api/v1/experiments/" + experiment.id();
        JsonNode parallel = api.json(path + "/parallel-coordinates?limit=500");
        int completed = (TRIALS + 2) / 3;
        assertThat(parallel.get("total").asInt()).isEqualTo(completed);
        assertThat(parallel.get("trials")).hasSize(500);
        assertThat(parallel.get("axes").findValuesAsText("key")).containsExactlyElementsOf(SearchedParameter.of(
                SpaceFile.parse(SyntheticExperiment.SPACE, "space", false)).stream().map(SearchedParameter::key)
                .toList());

        // A conditional, per-layer parameter: only three-block trials have it.
        String where = "convBlocks[2].filters:16..32";
        long expected = IntStream.range(0, TRIALS).filter(trial -> {
            Object filters = SyntheticExperiment.parameters(trial).get("convBlocks[2].filters");
            return filters != null && ((Number) filters).intValue() >= 16 && ((Number) filters).intValue() <= 32;
        }).count();
        JsonNode filtered = api.json(path + "/trials?limit=50&where=" + URLEncoder.encode(where, UTF_8));
        assertThat(filtered.get("total").asLong()).isEqualTo(expected).isPositive();
        assertThat(filtered.get("trials")).hasSize(50).allSatisfy(trial -> assertThat(trial.get("parameters")
                .get("convBlocks[2].filters").asInt()).isBetween(16, 32));

        // No trial of this experiment has a model on disk: the answer checks the best thousand, not every trial.
        var noModel = api.get(path + "/best-model/insight");
        assertThat(noModel.statusCode()).isEqualTo(404);
        assertThat(noModel.body()).contains("among its 1000 best trials");

        JsonNode importance = api.await(path + "/parameter-importance", view -> view.get("parameters").size() > 0,
                Duration.ofSeconds(120));
        assertThat(importance.get("trials").asInt()).as("a bounded sample").isEqualTo(TrialQuery.MAX_LIMIT);

        browser.open(running.page("experiments/" + experiment.id()));
        HeadlessChromium.await("the parallel coordinates", Duration.ofSeconds(30),
                () -> browser.script("return window.__autocnn.parallelLines || 0;") instanceof Number n
                        && n.intValue() == 500);
    }
}
