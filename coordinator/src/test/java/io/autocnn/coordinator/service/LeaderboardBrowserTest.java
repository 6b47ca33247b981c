package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.NewExperiment;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialEvent;
import io.autocnn.coordinator.store.TrialEventPayloads;
import io.autocnn.coordinator.store.TrialEventType;
import io.autocnn.space.spec.Optimizer;
import io.autocnn.space.spec.TrainingSettings;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.trial.FailureCause;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

import java.net.URLEncoder;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The leaderboard page in headless Chromium against the real service running a small real ASHA sweep: rows appear
 * and re-rank without a reload, a dropped event stream resumes without losing or doubling anything, pruned trials
 * show as pruned, a selected trial's learning curves are drawn, and hostile text stays text.
 */
@Tag("slow")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeaderboardBrowserTest {

    private static final String HOSTILE = "<img src=x onerror=\"window.__injected=1\">";
    /** The first curve's colour in the page's palette (#1f77b4). */
    private static final int[] FIRST_CURVE_RGB = {0x1f, 0x77, 0xb4};

    @TempDir
    static Path dataDir;
    private static SqliteTrialStore store;
    private static ServiceInBrowser running;
    private static CoordinatorService service;
    private static ApiClient api;
    private static HeadlessChromium browser;
    private static String sweepId;

    @BeforeAll
    static void start() {
        store = SqliteTrialStore.open(dataDir.resolve("autocnn.db"));
        running = ServiceInBrowser.start(dataDir, store, 2);
        service = running.service();
        browser = running.browser();
        api = new ApiClient(service.port(), null);
    }

    @AfterAll
    static void stop() {
        running.close();
    }

    private static String page(String fragment) {
        return running.page(fragment);
    }

    /** The server's ranking as the table should show it: trial, validation error, state. */
    private static List<List<String>> serverRanking(String experimentId) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode trial : api.json("/api/v1/experiments/" + experimentId + "/trials?limit=50").get("trials")) {
            String error = trial.get("validationError").isNull() ? "–"
                    : String.format(Locale.ROOT, "%.2f %%", trial.get("validationError").asDouble() * 100);
            rows.add(List.of(trial.get("trial").asText(), error, trial.get("state").asText()));
        }
        return rows;
    }

    /** Creates the experiment of {@code body} and waits for it to complete; its view at the end. */
    private static JsonNode completed(String body) throws Exception {
        var created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = ApiClient.JSON.readTree(created.body()).get("id").asText();
        JsonNode done = api.await("/api/v1/experiments/" + id, e -> !e.get("running").asBoolean()
                && !e.get("status").asText().equals("running"), Duration.ofMinutes(3));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("completed");
        return done;
    }

    /** Whether the experiment is still running, for a wait's condition. */
    private static boolean running(String experimentId) {
        try {
            return api.json("/api/v1/experiments/" + experimentId).get("running").asBoolean();
        } catch (Exception e) {
            throw new IllegalStateException("reading experiment " + experimentId, e);
        }
    }

    private static List<List<String>> tableRanking() {
        return browser.tableRows().stream().map(cells -> List.of(cells.get(1), cells.get(7), cells.get(9))).toList();
    }

    private static List<String> order() {
        return browser.tableRows().stream().map(cells -> cells.get(1)).toList();
    }

    /**
     * A trial in both orderings sits at another place in the later one: a better trial was placed above it or overtook
     * it, which a table that only appended rows as trials started would never show. (Two trials in opposite order is
     * one case; a sweep that ends within a few samples may show only the other, a trial pushed down by new ones.)
     */
    private static boolean reRanked(List<String> before, List<String> after) {
        for (int i = 0; i < before.size(); i++) {
            int later = after.indexOf(before.get(i));
            if (later >= 0 && later != i) {
                return true;
            }
        }
        return false;
    }

    @Test
    @Order(1)
    void theTableFollowsASweepLiveAndEndsWithExactlyTheServersRanking() throws Exception {
        String body = """
                {"name": "browser sweep", "space": %s,
                 "dataset": {"name": "fashion-mnist", "limit": 600, "testLimit": 100, "validationFraction": 0.2},
                 "sampler": "random", "scheduler": "asha", "rungs": 2,
                 "budget": {"maxTrials": 6, "maxWallTimeSeconds": 600, "maxConcurrent": 2, "maxFailedTrials": 2},
                 "seed": 3}
                """.formatted(ExperimentBodies.SPACE.formatted(2));
        browser.open(page(""));
        var created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        sweepId = ApiClient.JSON.readTree(created.body()).get("id").asText();
        browser.open(page("experiments/" + sweepId));
        browser.script("window.__sameDocument = true;");

        // The first trial's row waits for the data to be read and ND4J's native start in this JVM: 30 s once ran out
        // on the 2-core CI machine (passing alone and on reruns); the wait ends as soon as a row is there.
        HeadlessChromium.await("the first rows", Duration.ofSeconds(90), () -> !browser.tableRows().isEmpty());
        List<List<String>> orders = new ArrayList<>();
        boolean dropped = false;
        while (api.json("/api/v1/experiments/" + sweepId).get("running").asBoolean()) {
            orders.add(order());
            if (!dropped && ((Number) browser.script("return window.__autocnn.applied();")).intValue() >= 8) {
                browser.script("window.__autocnn.dropStream();"); // mid-sweep, as a network drop would
                dropped = true;
            }
            Thread.sleep(150);
        }
        orders.add(order());
        assertThat(dropped).as("the stream was dropped mid-sweep").isTrue();

        long serverSequence = api.json("/api/v1/experiments/" + sweepId).get("lastSequence").asLong();
        HeadlessChromium.await("the page to reach the server's last event", Duration.ofSeconds(10), () ->
                ((Number) browser.script("return window.__autocnn.lastSequence();")).longValue() == serverSequence);
        List<List<String>> expected = serverRanking(sweepId);
        HeadlessChromium.await("the table to match the server's ranking", Duration.ofSeconds(5),
                () -> tableRanking().equals(expected));
        assertThat(tableRanking()).containsExactlyElementsOf(expected).hasSize(6);
        assertThat(browser.script("return window.__sameDocument === true;")).as("no reload").isEqualTo(true);
        assertThat(orders).as("rows re-ranked while the sweep ran")
                .anySatisfy(earlier -> assertThat(orders).anyMatch(later -> reRanked(earlier, later)));
        assertThat(expected).as("ASHA pruned some trials").anyMatch(row -> row.get(2).equals("pruned"));
        // Read in one script: a page re-read may replace the rows between a find and a getText.
        assertThat(browser.script("return document.querySelector('#leaderboard tbody td.state-pruned').textContent;"))
                .isEqualTo("pruned");
    }

    @Test
    @Order(2)
    void aSelectedTrialsLearningCurvesAreDrawn() throws Exception {
        browser.open(page("experiments/" + sweepId));
        HeadlessChromium.await("the table", Duration.ofSeconds(10), () -> !browser.tableRows().isEmpty());
        // Clicked from the page's own script: the table may re-render between finding a row and clicking it.
        browser.script("document.querySelector('#leaderboard tbody tr').click();");
        HeadlessChromium.await("the best-so-far chart", Duration.ofSeconds(10),
                () -> browser.script("return window.__autocnn.bestPoints || 0;") instanceof Number n
                        && n.intValue() > 0 && browser.script(
                        "return document.querySelectorAll('#best-chart canvas').length;") instanceof Number c
                        && c.intValue() == 1);
        HeadlessChromium.await("the curves", Duration.ofSeconds(10),
                () -> browser.script("return window.__autocnn.chartPoints || 0;") instanceof Number n
                        && n.intValue() > 0);
        long curvePixels = ((Number) browser.script("""
                const canvas = document.querySelector('#chart canvas');
                const pixels = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
                let count = 0;
                for (let i = 0; i < pixels.length; i += 4) {
                  if (Math.abs(pixels[i] - arguments[0]) < 24 && Math.abs(pixels[i + 1] - arguments[1]) < 24
                      && Math.abs(pixels[i + 2] - arguments[2]) < 24 && pixels[i + 3] > 200) count++;
                }
                return count;""", FIRST_CURVE_RGB[0], FIRST_CURVE_RGB[1], FIRST_CURVE_RGB[2])).longValue();
        assertThat(curvePixels).as("pixels in the first curve's colour").isGreaterThan(50);
        assertThat(browser.find("#chart").getText()).contains("validation").contains("training");
        browser.screenshot(Path.of("target", "leaderboard.png"));
    }

    @Test
    @Order(3)
    void anExperimentNameAndAFailureMessageShowAsTextNeverAsMarkup() throws Exception {
        String id = store.createExperiment(new NewExperiment(HOSTILE, "{}", "hostile")).id();
        TrialSpec spec = new TrialSpec(List.of(), List.of(), new TrainingSettings(32, 1, 0.01, Optimizer.ADAM, 0, 1));
        store.updateStatus(id, ExperimentStatus.FAILED, HOSTILE);
        for (TrialEvent event : List.of(
                event(id, TrialEventType.CREATED, new TrialEventPayloads.Created(Map.of(), spec)),
                event(id, TrialEventType.FAILED, new TrialEventPayloads.Ended(0, 10,
                        Optional.of(FailureCause.EXCEPTION), HOSTILE, 1)))) {
            store.appendAndGet(event).ifPresent(service::publish);
        }

        browser.open(page(""));
        HeadlessChromium.await("the experiment list", Duration.ofSeconds(10),
                () -> browser.driver().getPageSource().contains("experiments/" + id));
        assertThat(browser.find("a[href='#/experiments/" + id + "']").getText()).isEqualTo(HOSTILE);

        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the failed trial", Duration.ofSeconds(10), () -> !browser.tableRows().isEmpty());
        assertThat(browser.find("h1").getText()).isEqualTo(HOSTILE);
        assertThat(browser.tableRows().get(0).get(9)).isEqualTo("failed (exception): " + HOSTILE);
        assertThat(browser.driver().findElements(org.openqa.selenium.By.cssSelector("main img"))).isEmpty();
        assertThat(browser.script("return window.__injected === undefined;")).isEqualTo(true);
    }

    private static TrialEvent event(String experimentId, TrialEventType type, Object payload) {
        return new TrialEvent(0, experimentId, 0, 1, type, 0, TrialEventPayloads.write(payload), Instant.now());
    }

    @Test
    @Order(4)
    void theSpacesConstraintsAndTheFinalModelShowWithTheExperimentAndEveryRowItsSize() throws Exception {
        String space = ExperimentBodies.SPACE.formatted(1).replaceFirst("\\{", "{\"constraints\": {\"maxParameters\": 5000},");
        String body = """
                {"name": "constrained", "space": %s,
                 "dataset": {"name": "fashion-mnist", "limit": 600, "testLimit": 100, "validationFraction": 0.2},
                 "sampler": "random", "scheduler": "fifo",
                 "budget": {"maxTrials": 6, "maxWallTimeSeconds": 40, "maxConcurrent": 2, "finalTrainingShare": 0.25},
                 "seed": 4}
                """.formatted(space);
        JsonNode done = completed(body);
        String id = done.get("id").asText();

        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the final model's figure", Duration.ofSeconds(20), () -> (Boolean) browser.script(
                "return document.querySelector('.figure[data-key=final]') !== null;"));
        assertThat(browser.script("return document.querySelector('.figure[data-key=max-parameters]').textContent;"))
                .isEqualTo("≤ 5,000parameters allowed");
        String accuracy = String.format(Locale.ROOT, "%.2f %%", done.get("finalModel").get("testAccuracy").asDouble()
                * 100);
        assertThat((String) browser.script("return document.querySelector('.figure[data-key=final] b').textContent;"))
                .isEqualTo(accuracy + " (trial " + done.get("finalModel").get("trial").asInt() + ")");
        assertThat(browser.script("return document.getElementById('download-final').hidden;")).isEqualTo(false);
        // No second objective, no front.
        assertThat(browser.script("return document.getElementById('pareto').hidden;")).isEqualTo(true);
        // Every trial shows its size, a refused one too (it never reported an epoch): 2 filters fit, 4 do not.
        assertThat(done.get("progress").get("failed").asInt()).as("some candidates were refused").isPositive();
        List<String> sizes = browser.tableRows().stream().map(cells -> cells.get(3)).toList();
        assertThat(sizes).hasSize(6).allSatisfy(size -> assertThat(size).isNotEqualTo("0"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"params", "latency"})
    @Order(5)
    void anExperimentWithASecondObjectiveShowsItsParetoFrontAsTheServiceComputesIt(String objective) throws Exception {
        // Latency is also limited (loosely), so its figure shows with the experiment.
        String space = ExperimentBodies.SPACE.formatted(0.5);
        if (objective.equals("latency")) {
            space = space.replaceFirst("\\{", "{\"constraints\": {\"maxLatencyMs\": 1000},");
        }
        String body = """
                {"name": "two objectives", "space": %s,
                 "dataset": {"name": "fashion-mnist", "limit": 600, "testLimit": 100, "validationFraction": 0.2},
                 "sampler": "random", "scheduler": "fifo", "secondObjective": "%s",
                 "budget": {"maxTrials": 5, "maxWallTimeSeconds": 60, "maxConcurrent": 2},
                 "seed": 6}
                """.formatted(space, objective);
        JsonNode done = completed(body);
        String id = done.get("id").asText();
        List<List<String>> expected = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (JsonNode trial : api.json("/api/v1/experiments/" + id + "/pareto-front").get("trials")) {
            expected.add(List.of(trial.get("trial").asText(),
                    String.format(Locale.ROOT, "%.2f %%", trial.get("validationError").asDouble() * 100)));
            values.add(trial.get("value").asDouble());
        }
        assertThat(expected).isNotEmpty();

        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the Pareto front's rows", Duration.ofSeconds(20), () -> ((Number) browser.script(
                "return document.querySelectorAll('#pareto-front tbody tr').length;")).intValue() == expected.size());
        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#pareto-front tbody tr')].map(tr => [...tr.cells].slice(0, 3).map(td => td.textContent));");
        assertThat(shown.stream().map(row -> row.subList(0, 2)).toList()).isEqualTo(expected);
        for (int i = 0; i < values.size(); i++) {
            String cell = shown.get(i).get(2);
            if (objective.equals("params")) {
                assertThat(cell).isEqualTo(String.format(Locale.US, "%,d", values.get(i).longValue()));
            } else {
                assertThat(cell).matches("\\d+\\.\\d{3}");
                assertThat(Double.parseDouble(cell)).isCloseTo(values.get(i), org.assertj.core.data.Offset.offset(
                        0.0005 + 1e-9));
            }
        }
        assertThat(browser.script("return document.getElementById('pareto').hidden;")).isEqualTo(false);
        assertThat(browser.script("return document.querySelector('#front-chart canvas') !== null;")).isEqualTo(true);
        // FIFO stops nothing early: no early-stopping section.
        assertThat(browser.script("return document.getElementById('early-stopping').hidden;")).isEqualTo(true);
        assertThat((String) browser.script("return document.querySelector('#pareto .hint').textContent;"))
                .contains("validation error and " + (objective.equals("params") ? "parameters"
                        : "ms per image at batch 1"));
        @SuppressWarnings("unchecked")
        List<String> header = (List<String>) browser.script(
                "return [...document.querySelectorAll('#leaderboard thead th')].map(th => th.textContent);");
        if (objective.equals("params")) {
            assertThat(header).doesNotContain("ms / image");
            // Counts plot on a log axis only when they span a decade (one decade showed a single tick).
            double spread = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                    / Math.max(1, values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
            HeadlessChromium.await("the front plotted", Duration.ofSeconds(10),
                    () -> browser.script("return window.__autocnn.frontLogScale;") != null);
            assertThat(browser.script("return window.__autocnn.frontLogScale;")).isEqualTo(spread >= 10);
            browser.script("document.getElementById('pareto').scrollIntoView();");
            browser.screenshot(Path.of("target", "leaderboard-pareto-front.png"));
            return;
        }
        assertThat(browser.script("return document.querySelector('.figure[data-key=max-latency]').textContent;"))
                .isEqualTo("≤ 1000 msper image at batch 1, measured here");
        // Each row's measured latency, as the API stores it, in the column the experiment's measuring adds.
        assertThat(header).endsWith("ms / image");
        java.util.Map<String, Double> stored = new java.util.HashMap<>();
        api.json("/api/v1/experiments/" + id + "/trials?limit=50").get("trials").forEach(trial -> stored.put(
                trial.get("trial").asText(), trial.get("latency").get("msPerImage").asDouble()));
        List<List<String>> rows = browser.tableRows();
        assertThat(rows).hasSize(stored.size());
        for (List<String> row : rows) {
            assertThat(Double.parseDouble(row.get(row.size() - 1))).as("trial " + row.get(1))
                    .isCloseTo(stored.get(row.get(1)), org.assertj.core.data.Offset.offset(0.0005 + 1e-9));
        }
    }

    @Test
    @Order(6)
    void chartAxesLabelTicksWithTheDecimalsTheirSpacingNeeds() {
        browser.open(page(""));
        assertThat(browser.script("return window.__autocnn.percentTicks([0.1, 0.105, 0.11]);"))
                .isEqualTo(List.of("10.0 %", "10.5 %", "11.0 %"));
        assertThat(browser.script("return window.__autocnn.percentTicks([0, 0.5, 1]);"))
                .isEqualTo(List.of("0 %", "50 %", "100 %"));
        assertThat(browser.script("return window.__autocnn.percentTicks([0.0712, 0.0717, 0.0722]);"))
                .isEqualTo(List.of("7.12 %", "7.17 %", "7.22 %"));
    }

    @Test
    @Order(7)
    void theEarlyStoppingViewShowsTheRungsAndEveryPrunedTrialAsTheServiceReportsThem() throws Exception {
        String id = completed(ExperimentBodies.tiny(8, 3, 8, 600, "asha")).get("id").asText();
        JsonNode view = api.json("/api/v1/experiments/" + id + "/early-stopping");
        int stopped = view.get("stopped").get("trials").size();
        assertThat(stopped).isPositive();

        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the pruned trials", Duration.ofSeconds(20), () -> ((Number) browser.script(
                "return document.querySelectorAll('#stopped tbody tr').length;")).intValue() == stopped);
        assertThat(browser.script("return document.getElementById('early-stopping').hidden;")).isEqualTo(false);
        @SuppressWarnings("unchecked")
        List<List<String>> rungs = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#rungs tbody tr')].map(tr => [...tr.cells].map(td => td.textContent));");
        assertThat(rungs).hasSize(view.get("rungs").size());
        for (int k = 0; k < rungs.size(); k++) {
            JsonNode rung = view.get("rungs").get(k);
            assertThat(Double.parseDouble(rungs.get(k).get(1))).isCloseTo(rung.get("epochs").asDouble(),
                    org.assertj.core.data.Offset.offset(0.005));
            assertThat(rungs.get(k).subList(3, 6)).containsExactly(rung.get("reached").asText(),
                    rung.get("promoted").asText(), rung.get("cutOff").isNull() ? "–" : String.format(Locale.ROOT,
                            "%.2f %%", rung.get("cutOff").asDouble() * 100));
        }
        @SuppressWarnings("unchecked")
        List<List<String>> shown = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#stopped tbody tr')].map(tr => [...tr.cells].map(td => td.textContent));");
        for (int i = 0; i < stopped; i++) {
            JsonNode trial = view.get("stopped").get("trials").get(i);
            assertThat(shown.get(i).get(0)).isEqualTo(trial.get("trial").asText());
            assertThat(shown.get(i).get(1)).isEqualTo(trial.get("rung").asText());
            assertThat(shown.get(i).get(3)).isEqualTo(String.format(Locale.ROOT, "%.2f %%",
                    trial.get("validationError").asDouble() * 100));
            assertThat(shown.get(i).get(4)).isEqualTo(trial.get("architecture").asText());
        }
        assertThat((String) browser.script("return document.querySelector('#early-stopping .hint').textContent;"))
                .contains("ASHA", stopped + " trial(s) pruned");
        browser.script("document.getElementById('early-stopping').scrollIntoView();");
        browser.screenshot(Path.of("target", "leaderboard-early-stopping.png"));
    }

    @Test
    @Order(8)
    void brushingAnAxisOfTheParallelCoordinatesFiltersTheTableOnTheServerAndImportanceShowsTheServicesFigures()
            throws Exception {
        String id = completed(ExperimentBodies.tiny(10, 1, 9)).get("id").asText();
        String path = "/api/v1/experiments/" + id;
        JsonNode importance = api.await(path + "/parameter-importance", view -> view.get("parameters").size() > 0,
                Duration.ofSeconds(60));

        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the parallel coordinates", Duration.ofSeconds(20),
                () -> browser.script("return window.__autocnn.parallelLines || 0;") instanceof Number n
                        && n.intValue() == 10);
        assertThat(browser.script("return document.querySelectorAll('#parallel-chart g.axis').length;"))
                .isEqualTo(3L);
        assertThat(browser.script("return document.querySelectorAll('#parallel-chart polyline').length;"))
                .isEqualTo(10L);

        HeadlessChromium.await("the importance figures", Duration.ofSeconds(20), () -> ((Number) browser.script(
                "return document.querySelectorAll('#importance-table tbody tr').length;")).intValue() == 3);
        @SuppressWarnings("unchecked")
        List<List<String>> shares = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#importance-table tbody tr')].map(tr => [tr.cells[0].textContent, tr.cells[2].textContent]);");
        for (int i = 0; i < 3; i++) {
            JsonNode share = importance.get("parameters").get(i);
            assertThat(shares.get(i)).containsExactly(share.get("parameter").asText(),
                    String.format(Locale.ROOT, "%.1f %%", share.get("importance").asDouble() * 100));
        }
        assertThat((String) browser.script("return document.querySelector('#importance .hint').textContent;"))
                .contains("from 10 completed trial(s)", importance.get("method").asText());

        // A real drag along the learning-rate axis, from a quarter of its height to three quarters.
        WebElement axis = browser.find("#parallel-chart g.axis[data-key='training.learningRate'] rect.brush-area");
        int height = axis.getRect().getHeight();
        new Actions(browser.driver()).moveToElement(axis, 0, -height / 4).clickAndHold()
                .moveByOffset(0, height / 2).release().perform();
        HeadlessChromium.await("the table's filter", Duration.ofSeconds(10), () -> ((List<?>) browser.script(
                "return window.__autocnn.tableWhere();")).size() == 1);
        String where = (String) ((List<?>) browser.script("return window.__autocnn.tableWhere();")).get(0);
        assertThat(where).startsWith("training.learningRate:");
        JsonNode expected = api.json(path + "/trials?limit=50&where=" + URLEncoder.encode(where, UTF_8));
        List<String> expectedTrials = expected.get("trials").findValuesAsText("trial");
        assertThat(expected.get("total").asInt()).as("a middle band holds some trials, not all").isBetween(1, 9);
        HeadlessChromium.await("the filtered table", Duration.ofSeconds(10),
                () -> order().equals(expectedTrials));
        assertThat(browser.script("return window.__autocnn.parallelPassing;")).as("lines inside the brush")
                .isEqualTo((long) expectedTrials.size());
        assertThat(browser.find("#filters").getText()).contains("training.learningRate");
        // The picture in docs/: the filtered table, the brushed plot and the importance below it.
        browser.script("document.getElementById('parallel').scrollIntoView();");
        browser.screenshot(Path.of("target", "leaderboard-parallel-coordinates.png"));

        browser.script("document.getElementById('clear-filters').click();");
        HeadlessChromium.await("the whole table again", Duration.ofSeconds(10), () -> order().size() == 10);
        assertThat(browser.script("return window.__autocnn.parallelPassing;")).isEqualTo(10L);
    }

    @Test
    @Order(9)
    void aPageLeftForAnotherClosesItsEventStreamSoSevenVisitsDoNotExhaustTheBrowsersConnections() throws Exception {
        browser.open(page("experiments/" + sweepId));
        HeadlessChromium.await("the live stream", Duration.ofSeconds(20),
                () -> "live".equals(browser.find("#connection").getText()) && service.watching(sweepId) == 1);
        // Left for another page, the page may stay in the back-forward cache; its stream must not stay open with it
        // (it did until the server's one-minute idle timeout, and the seventh such visit waited for a connection).
        browser.open("about:blank");
        HeadlessChromium.await("the stream to close", Duration.ofSeconds(10), () -> service.watching(sweepId) == 0);
        browser.driver().navigate().back();
        HeadlessChromium.await("the stream again after coming back", Duration.ofSeconds(20),
                () -> service.watching(sweepId) == 1 && "live".equals(browser.find("#connection").getText()));
        assertThat(browser.tableRows()).hasSize(6);
    }

    @Test
    @Order(10)
    void experimentsPickedInTheListAreComparedAndALeNet5ReferenceJoinsThemOnRequest() throws Exception {
        String other = completed(ExperimentBodies.tiny(3, 2, 12)).get("id").asText();
        browser.open(page(""));
        HeadlessChromium.await("the list", Duration.ofSeconds(10), () -> ((Number) browser.script(
                "return document.querySelectorAll('#experiments tbody tr').length;")).intValue() > 1);
        browser.find("input[data-id='" + sweepId + "']").click();
        browser.find("input[data-id='" + other + "']").click();
        browser.find("#compare-selected").click();
        HeadlessChromium.await("the comparison", Duration.ofSeconds(20), () -> browser.script(
                "return window.__autocnn.compared ? window.__autocnn.compared.length : 0;") instanceof Number n
                && n.intValue() == 2);
        assertThat((String) browser.script("return location.hash;")).isEqualTo("#/compare/" + sweepId + "," + other);

        browser.find("#train-reference").click();
        HeadlessChromium.await("the reference in the comparison, trained", Duration.ofSeconds(120), () -> {
            Object compared = browser.script("return window.__autocnn.compared;");
            return compared instanceof List<?> list && list.size() == 3
                    && ((Map<?, ?>) list.get(2)).get("curvePoints") instanceof Number points && points.intValue() > 0
                    && !running(String.valueOf(((Map<?, ?>) list.get(2)).get("id")));
        });
        // Read once more after the reference ended, then each experiment is drawn from what the service holds.
        browser.script("window.dispatchEvent(new HashChangeEvent('hashchange'));");
        HeadlessChromium.await("the final read", Duration.ofSeconds(20), () -> browser.script(
                "return window.__autocnn.compared ? window.__autocnn.compared.length : 0;") instanceof Number n
                && n.intValue() == 3);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> compared = (List<Map<String, Object>>) browser.script(
                "return window.__autocnn.compared;");
        for (Map<String, Object> shown : compared) {
            String path = "/api/v1/experiments/" + shown.get("id");
            JsonNode experiment = api.json(path);
            assertThat(((Number) shown.get("bestPoints")).intValue()).as("best-so-far points of " + shown.get("id"))
                    .isEqualTo(api.json(path + "/best-over-time").get("points").size()).isPositive();
            assertThat(((Number) shown.get("curvePoints")).intValue()).as("epochs of its best trial")
                    .isEqualTo(api.json(path + "/trials/" + experiment.get("progress").get("bestTrial").asInt())
                            .get("epochs").size());
        }
        JsonNode reference = api.json("/api/v1/experiments/" + compared.get(2).get("id"));
        assertThat(reference.get("name").asText()).isEqualTo("LeNet-5 reference for browser sweep");
        @SuppressWarnings("unchecked")
        List<String> names = (List<String>) browser.script(
                "return [...document.querySelectorAll('#compared tbody tr td:first-child')].map(td => td.textContent);");
        assertThat(names).containsExactly("browser sweep", "tiny", "LeNet-5 reference for browser sweep");
        assertThat(browser.script("return document.querySelectorAll('#compare-best canvas, #compare-curves canvas')"
                + ".length;")).isEqualTo(2L);
        browser.screenshot(Path.of("target", "leaderboard-compare.png"));
    }

    @Test
    @Order(11)
    void theBestModelsKernelsFeatureMapsAndConfusionMatrixAreDrawnAsTheServiceComputesThem() throws Exception {
        String id = completed(ExperimentBodies.tiny(3, 1, 21)).get("id").asText();
        String path = "/api/v1/experiments/" + id + "/best-model/insight";
        JsonNode first = api.json(path);
        browser.open(page("experiments/" + id));
        HeadlessChromium.await("the best model's pictures", Duration.ofSeconds(30),
                () -> browser.script("return window.__autocnn.insight ? window.__autocnn.insight.trial : -1;")
                        instanceof Number n && n.intValue() == first.get("trial").asInt());
        int filters = first.get("kernels").get("weights").size();
        assertThat(browser.script("return window.__autocnn.insight.kernels;")).isEqualTo((long) filters);
        assertThat(browser.script("return document.querySelectorAll('#insight .feature-maps canvas').length;"))
                .isEqualTo((long) filters);
        @SuppressWarnings("unchecked")
        List<List<String>> cells = (List<List<String>>) browser.script("return [...document.querySelectorAll("
                + "'#confusion tbody tr')].map(tr => [...tr.querySelectorAll('td')].map(td => td.textContent));");
        assertThat(cells).hasSize(10);
        for (int actual = 0; actual < 10; actual++) {
            for (int predicted = 0; predicted < 10; predicted++) {
                assertThat(cells.get(actual).get(predicted)).isEqualTo(first.get("confusion").get(actual)
                        .get(predicted).asText());
            }
        }
        assertThat(browser.find("#insight").getText()).contains(String.format(Locale.ROOT, "test error %.2f %%",
                first.get("testError").asDouble() * 100));

        JsonNode seventh = api.json(path + "?image=7");
        browser.script("document.getElementById('insight-image').value = '7';"
                + "document.getElementById('insight-show').click();");
        HeadlessChromium.await("image 7", Duration.ofSeconds(20), () -> ((Number) browser.script(
                "return window.__autocnn.insight.image;")).intValue() == 7);
        JsonNode names = seventh.get("classNames");
        JsonNode image = seventh.get("image");
        assertThat(browser.find("#insight-prediction").getText()).startsWith("labelled "
                + names.get(image.get("label").asInt()).asText() + ", predicted "
                + names.get(image.get("predicted").asInt()).asText());
        browser.script("document.getElementById('insight').scrollIntoView();");
        browser.screenshot(Path.of("target", "leaderboard-best-model.png"));
    }

    @Test
    @Order(99)
    void aPageOpenedAsUsersOpenItExposesNoTestHooks() {
        browser.open(running.plainPage(""));
        assertThat(browser.script("return typeof window.__autocnn;")).isEqualTo("undefined");
        browser.open(page(""));
        assertThat(browser.script("return typeof window.__autocnn;")).isEqualTo("object");
    }
}
