package io.autocnn.bench;

import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.service.CoordinatorService;
import io.autocnn.coordinator.service.ServiceOptions;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.SyntheticExperiment;
import io.autocnn.coordinator.store.TrialEvent;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the live leaderboard is with 100,000 trials stored: page load time (navigation until the first page of
 * the ranking is on screen, and until the parallel-coordinates plot and the parameter importance are), push latency
 * (an event stored and published until the page in headless Chromium has applied it), brushing (a drag along an
 * axis until the table shows the filtered rows), and each view's API request beside the table's own, p50 and p99.
 * Writes bench/results/leaderboard.md.
 *
 * <p>Usage: {@code LeaderboardLatency [trials] [page loads] [pushes] [milliseconds between pushes]}.
 */
public final class LeaderboardLatency {

    private static final int PAGE = 50;
    /** The lines the page asks the parallel-coordinates view for. */
    private static final int LINES = 500;
    private static final int BRUSHES = 6;
    private static final int REQUESTS = 20;

    private LeaderboardLatency() {
    }

    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int loads = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int pushes = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        int gapMillis = args.length > 3 ? Integer.parseInt(args[3]) : 20;
        Path dir = Files.createTempDirectory("leaderboard-bench");
        SqliteTrialStore store = SqliteTrialStore.open(dir.resolve("autocnn.db"));
        long loadStart = System.nanoTime();
        SyntheticExperiment experiment = SyntheticExperiment.load(store, "leaderboard benchmark", trials);
        double storeSeconds = (System.nanoTime() - loadStart) / 1e9;
        ChromeDriver browser = null;
        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(dir),
                SparkOptions.embedded().withMaster("local[1]").withConcurrency(1, 1), store)) {
            browser = new ChromeDriver(new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build(),
                    new ChromeOptions().setBinary("/usr/bin/chromium").addArguments("--headless=new", "--no-sandbox",
                            "--disable-dev-shm-usage", "--window-size=1400,1100"));
            String url = "http://127.0.0.1:" + service.port() + "/?test-hooks#/experiments/" + experiment.id();
            String api = "http://127.0.0.1:" + service.port() + "/api/v1/experiments/" + experiment.id();
            long importanceStart = System.nanoTime();
            ApiTimings.awaitImportance(api);
            long importanceMillis = (System.nanoTime() - importanceStart) / 1_000_000;
            List<Long> loadMillis = new ArrayList<>();
            List<Long> parallelMillis = new ArrayList<>();
            List<Long> importanceShownMillis = new ArrayList<>();
            for (int i = 0; i < loads; i++) {
                browser.get("about:blank");
                long start = System.nanoTime();
                browser.get(url);
                long[] shown = whenEachHolds(browser, start, List.of(
                        "return document.querySelectorAll('#leaderboard tbody tr').length === " + PAGE
                                + " && document.getElementById('connection').textContent === 'live';",
                        "return window.__autocnn.parallelLines === " + LINES + ";",
                        "return document.querySelectorAll('#importance-table tbody tr').length > 0;"));
                loadMillis.add(shown[0]);
                parallelMillis.add(shown[1]);
                importanceShownMillis.add(shown[2]);
            }
            long refreshesBefore = number(browser, "return window.__autocnn.refreshes();");
            int climber = experiment.ranking(PAGE * 20).get(PAGE * 20 - 1);
            Map<Long, Long> storedAt = new HashMap<>();
            long last = 0;
            for (int i = 0; i < pushes; i++) {
                TrialEvent stored = store.appendAndGet(experiment.epoch(climber, 2 + i, 0.5 / (i + 1) / trials))
                        .orElseThrow();
                storedAt.put(stored.sequence(), System.currentTimeMillis());
                service.publish(stored);
                last = stored.sequence();
                Thread.sleep(gapMillis);
            }
            awaitTrue(browser, "return window.__autocnn.lastSequence() === " + last + ";");
            @SuppressWarnings("unchecked")
            Map<String, Number> received = (Map<String, Number>) script(browser,
                    "return Object.fromEntries(window.__autocnn.received);");
            List<Long> latencies = new ArrayList<>();
            storedAt.forEach((sequence, at) -> latencies.add(received.get(Long.toString(sequence)).longValue() - at));
            long refreshes = number(browser, "return window.__autocnn.refreshes();") - refreshesBefore;
            List<Long> brushMillis = brushes(browser);
            Map<String, List<Long>> requests = ApiTimings.of(api, REQUESTS);
            String report = report(trials, storeSeconds, loadMillis, latencies, pushes, gapMillis, refreshes)
                    + parameterViewsReport(importanceMillis, loadMillis, parallelMillis, importanceShownMillis,
                    brushMillis, requests);
            Path out = Path.of("bench", "results", "leaderboard.md");
            ResultsFile.write(out, report);
            System.out.print(report);
            browser.quit(); // before the service stops: a browser left open would reconnect to a closing server
            browser = null;
        } finally {
            if (browser != null) {
                browser.quit();
            }
        }
    }

    private static String report(int trials, double storeSeconds, List<Long> loadMillis, List<Long> latencies,
                                 int pushes, int gapMillis, long refreshes) {
        return String.format(Locale.ROOT, """
                # Live leaderboard: page load and push latency

                `bench/leaderboard.sh %d %d %d %d` — %,d trials stored (bulk-loaded in %.1f s), the service on
                loopback, the page in headless Chromium on the same machine (2 cores, shared).

                | measure | p50 | p99 | max | n |
                |---|---:|---:|---:|---:|
                | page load (navigation to first %d rows shown and stream live), ms | %d | %d | %d | %d |
                | push latency (event stored to applied in the page), ms | %d | %d | %d | %d |

                Events were pushed every %d ms to a trial that climbed from place %d to the top; the page re-read its
                visible page %d times for those %d events (it updates rows on screen at once and re-reads the page at
                most every 400 ms).
                """, trials, loadMillis.size(), pushes, gapMillis, trials, storeSeconds, PAGE,
                percentile(loadMillis, 0.5), percentile(loadMillis, 0.99), percentile(loadMillis, 1), loadMillis.size(),
                percentile(latencies, 0.5), percentile(latencies, 0.99), percentile(latencies, 1), latencies.size(),
                gapMillis, PAGE * 20, refreshes, pushes);
    }

    /**
     * Real drags along the plot's axes, each from a quarter of the axis' height to three quarters, on the axes in
     * turn: the milliseconds from the drag's release until the table has been read again with the new filter.
     */
    private static List<Long> brushes(ChromeDriver browser) throws InterruptedException {
        List<WebElement> axes = browser.findElements(By.cssSelector("#parallel-chart rect.brush-area"));
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < BRUSHES; i++) {
            WebElement axis = browser.findElements(By.cssSelector("#parallel-chart rect.brush-area"))
                    .get(i % axes.size());
            long refreshes = number(browser, "return window.__autocnn.refreshes();");
            int height = axis.getRect().getHeight();
            new Actions(browser).moveToElement(axis, 0, -height / 4).clickAndHold().moveByOffset(0, height / 2)
                    .perform();
            long start = System.nanoTime();
            new Actions(browser).release().perform();
            awaitTrue(browser, "return window.__autocnn.refreshes() > " + refreshes + ";");
            millis.add((System.nanoTime() - start) / 1_000_000);
            script(browser, "document.getElementById('clear-filters').click();");
            awaitTrue(browser, "return window.__autocnn.tableWhere().length === 0;");
        }
        return millis;
    }

    /** Polls the conditions together from {@code start}: the milliseconds until each first held. */
    private static long[] whenEachHolds(ChromeDriver browser, long start, List<String> conditions)
            throws InterruptedException {
        long[] millis = new long[conditions.size()];
        Arrays.fill(millis, -1);
        long deadline = start + 60_000_000_000L;
        while (Arrays.stream(millis).anyMatch(m -> m < 0)) {
            for (int i = 0; i < conditions.size(); i++) {
                if (millis[i] < 0 && Boolean.TRUE.equals(script(browser, conditions.get(i)))) {
                    millis[i] = (System.nanoTime() - start) / 1_000_000;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not show everything in 60 s: " + conditions);
            }
            Thread.sleep(5);
        }
        return millis;
    }

    private static String parameterViewsReport(long importanceMillis, List<Long> tableMillis, List<Long> parallelMillis,
                                               List<Long> importanceShownMillis, List<Long> brushMillis,
                                               Map<String, List<Long>> requests) {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, """

                ## Parameter views with the same trials

                The same page loads as above, timed to each part of the page; the parameter importance was computed
                once before them (first computation, %d ms: the random forest fitted to 1,000 completed trials spread
                over the ranking, on the service's own thread).

                | measure | p50 | p99 | max | n |
                |---|---:|---:|---:|---:|
                | page load to the table shown (as above), ms | %s |
                | page load to the parallel coordinates drawn (%d lines), ms | %s |
                | page load to the parameter importance shown, ms | %s |
                | brush released to the filtered table read again, ms | %s |

                Each load in order, ms (table, parallel coordinates, importance): %s
                """, importanceMillis, row(tableMillis), LINES, row(parallelMillis), row(importanceShownMillis),
                row(brushMillis), loadsInOrder(tableMillis, parallelMillis, importanceShownMillis)));
        text.append("""

                API requests, one after another from a Java client on the same machine (the table's page is the
                baseline the views are held to):

                | request | p50 | p99 | max | n | p50 / table page |
                |---|---:|---:|---:|---:|---:|
                """);
        long baseline = Math.max(1, percentile(requests.get(ApiTimings.TABLE_PAGE), 0.5));
        requests.forEach((name, millis) -> text.append(String.format(Locale.ROOT, "| %s, ms | %s | %.2f |%n", name,
                row(millis), percentile(millis, 0.5) / (double) baseline)));
        return text.toString();
    }

    private static String loadsInOrder(List<Long> table, List<Long> parallel, List<Long> importance) {
        List<String> loads = new ArrayList<>();
        for (int i = 0; i < table.size(); i++) {
            loads.add("(" + table.get(i) + ", " + parallel.get(i) + ", " + importance.get(i) + ")");
        }
        return String.join(" ", loads) + ".";
    }

    private static String row(List<Long> millis) {
        return percentile(millis, 0.5) + " | " + percentile(millis, 0.99) + " | " + percentile(millis, 1) + " | "
                + millis.size();
    }

    private static long percentile(List<Long> values, double quantile) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(quantile * sorted.size()) - 1));
    }

    private static Object script(ChromeDriver browser, String javascript) {
        return ((JavascriptExecutor) browser).executeScript(javascript);
    }

    private static long number(ChromeDriver browser, String javascript) {
        return ((Number) script(browser, javascript)).longValue();
    }

    private static void awaitTrue(ChromeDriver browser, String javascript) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!Boolean.TRUE.equals(script(browser, javascript))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the page did not get there in 30 s: " + javascript);
            }
            Thread.sleep(5);
        }
    }
}
