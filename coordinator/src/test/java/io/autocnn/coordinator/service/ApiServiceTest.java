package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.space.trial.EpochMetrics;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URLEncoder;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The real service (store on a real SQLite file, embedded Spark, Vert.x on a random loopback port) driven over real
 * HTTP: a whole experiment's life, and every bad-input and security case with its status and error body.
 */
@Tag("slow")
class ApiServiceTest {

    private static final String TOKEN = "test-token-0123456789abcdef";
    private static final String READ_TOKEN = "read-token-0123456789abcdef";
    private static CoordinatorService service;
    private static ApiClient api;

    @TempDir
    static Path dataDir;

    @BeforeAll
    static void start() {
        service = CoordinatorService.start(ServiceOptions.loopback(dataDir)
                        .withAccess(new AccessTokens(Optional.of(TOKEN), Optional.of(READ_TOKEN))),
                SparkOptions.embedded().withMaster("local[2]").withConcurrency(1, 2));
        api = new ApiClient(service.port(), TOKEN);
    }

    @AfterAll
    static void stop() {
        service.close();
    }

    private static JsonNode body(HttpResponse<String> response) throws Exception {
        return ApiClient.JSON.readTree(response.body());
    }

    /** Creates an experiment from {@code body} and waits for it to end: its last state. */
    private static JsonNode ranToEnd(String body) throws Exception {
        HttpResponse<String> created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return api.await("/api/v1/experiments/" + body(created).get("id").asText(), e -> !e.get("running")
                .asBoolean() && !e.get("status").asText().equals("running"), Duration.ofMinutes(3));
    }

    @Test
    void theEarlyStoppingViewGivesAshasRungsAndEachPrunedTrialWithTheRungAndErrorThatStoppedIt() throws Exception {
        JsonNode done = ranToEnd(ExperimentBodies.tiny(8, 3, 7, 600, "asha"));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        String id = done.get("id").asText();
        JsonNode view = api.json("/api/v1/experiments/" + id + "/early-stopping");
        assertThat(view.get("scheduler").asText()).isEqualTo("asha");
        assertThat(view.get("eta").asInt()).isEqualTo(3);
        JsonNode rungs = view.get("rungs");
        assertThat(rungs).hasSize(3);
        assertThat(rungs.findValuesAsText("epochs").stream().map(Double::parseDouble).toList())
                .usingElementComparator((a, b) -> Math.abs(a - b) < 1e-9 ? 0 : Double.compare(a, b))
                .containsExactly(1.0 / 3, 1.0, 3.0);
        assertThat(rungs.get(0).get("reached").asInt()).isEqualTo(8);
        // A finished experiment: every trial promoted out of a rung reported at the next.
        for (int k = 0; k + 1 < rungs.size(); k++) {
            assertThat(rungs.get(k).get("promoted").asInt()).as("rung " + k)
                    .isEqualTo(rungs.get(k + 1).get("reached").asInt());
        }
        // Each rung's cut-off is the worst error, at that rung, of the trials that went on from it.
        List<Double> rungEpochs = rungs.findValuesAsText("epochs").stream().map(Double::parseDouble).toList();
        for (int k = 0; k + 1 < rungs.size(); k++) {
            double worstPromoted = Double.NEGATIVE_INFINITY;
            for (JsonNode row : api.json("/api/v1/experiments/" + id + "/trials?limit=50").get("trials")) {
                JsonNode epochs = api.json("/api/v1/experiments/" + id + "/trials/" + row.get("trial").asInt())
                        .get("epochs");
                if (errorAt(epochs, rungEpochs.get(k + 1)).isPresent()) {
                    worstPromoted = Math.max(worstPromoted, errorAt(epochs, rungEpochs.get(k)).orElseThrow());
                }
            }
            if (rungs.get(k).get("promoted").asInt() > 0) {
                assertThat(rungs.get(k).get("cutOff").asDouble()).as("rung " + k).isEqualTo(worstPromoted);
            } else {
                assertThat(rungs.get(k).get("cutOff").isNull()).isTrue();
            }
        }

        JsonNode stopped = view.get("stopped");
        long pruned = api.json("/api/v1/experiments/" + id + "/trials?state=pruned").get("total").asLong();
        assertThat(stopped.get("total").asLong()).isEqualTo(pruned).isPositive();
        assertThat(stopped.get("trials")).hasSize((int) pruned).allSatisfy(trial -> {
            JsonNode epochs = api.json("/api/v1/experiments/" + id + "/trials/" + trial.get("trial").asInt())
                    .get("epochs");
            double rungEpoch = rungEpochs.get(trial.get("rung").asInt());
            assertThat(trial.get("epochsTrained").asDouble()).isCloseTo(rungEpoch,
                    org.assertj.core.data.Offset.offset(0.05));
            assertThat(errorAt(epochs, rungEpoch)).hasValue(trial.get("validationError").asDouble());
        });
        assertThat(api.json("/api/v1/experiments/" + id + "/early-stopping?limit=1").get("stopped").get("trials"))
                .hasSize(1);
        assertThat(api.get("/api/v1/experiments/" + id + "/early-stopping?limit=0").statusCode()).isEqualTo(400);
    }

    @Test
    void theTrialsFilterOnSearchedParametersAndTheParameterViewsDescribeTheSearch() throws Exception {
        JsonNode done = ranToEnd(ExperimentBodies.tiny(10, 1, 5));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        String path = "/api/v1/experiments/" + done.get("id").asText();
        List<JsonNode> all = new ArrayList<>();
        api.json(path + "/trials?limit=50").get("trials").forEach(all::add);
        assertThat(all).hasSize(10);

        // A range around the median learning rate, and a choice: exactly the trials that satisfy both.
        List<Double> rates = all.stream().map(t -> t.get("parameters").get("training.learningRate").asDouble())
                .sorted().toList();
        double low = rates.get(2);
        double high = rates.get(7);
        Set<Integer> expected = new TreeSet<>();
        for (JsonNode trial : all) {
            double rate = trial.get("parameters").get("training.learningRate").asDouble();
            if (rate >= low && rate <= high && trial.get("parameters").get("convBlocks[0].kernelSize").asInt() == 5) {
                expected.add(trial.get("trial").asInt());
            }
        }
        String where = "where=" + URLEncoder.encode("training.learningRate:" + low + ".." + high,
                UTF_8) + "&where="
                + URLEncoder.encode("convBlocks[0].kernelSize:5", UTF_8);
        JsonNode filtered = api.json(path + "/trials?sort=trial&" + where);
        assertThat(filtered.get("total").asInt()).isEqualTo(expected.size());
        assertThat(filtered.get("trials").findValuesAsText("trial").stream().map(Integer::parseInt).toList())
                .containsExactlyElementsOf(expected);

        HttpResponse<String> unknown = api.get(path + "/trials?where=training.momentum:0..1");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("where[0]", "training.momentum", "convBlocks[0].filters");
        HttpResponse<String> bad = api.get(path + "/trials?where=training.learningRate:0.1..0.01&where="
                + URLEncoder.encode("convBlocks[0].filters:2,7", UTF_8)
                + "&where=nonsense");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("where[0]", "MIN must not be above MAX", "where[1]", "'7' is not one of",
                "where[2]", "KEY:MIN..MAX");

        JsonNode parallel = api.json(path + "/parallel-coordinates");
        assertThat(parallel.get("axes").findValuesAsText("key")).containsExactly("convBlocks[0].filters",
                "convBlocks[0].kernelSize", "training.learningRate");
        assertThat(parallel.get("axes").get(2).get("kind").asText()).isEqualTo("range");
        assertThat(parallel.get("axes").get(2).get("log").asBoolean()).isTrue();
        assertThat(parallel.get("axes").get(1).get("choices").toString()).isEqualTo("[\"3\",\"5\"]");
        assertThat(parallel.get("total").asInt()).isEqualTo(10);
        assertThat(parallel.get("trials")).hasSize(10).allSatisfy(line -> {
            JsonNode trial = all.stream().filter(t -> t.get("trial").asInt() == line.get("trial").asInt())
                    .findFirst().orElseThrow();
            assertThat(line.get("validationError")).isEqualTo(trial.get("validationError"));
            assertThat(line.get("values")).isEqualTo(trial.get("parameters"));
        });
        JsonNode three = api.json(path + "/parallel-coordinates?limit=3");
        assertThat(three.get("trials")).hasSize(3);
        assertThat(three.get("trials").get(0).get("validationError").asDouble())
                .isEqualTo(done.get("progress").get("bestValidationError").asDouble());
        assertThat(api.get(path + "/parallel-coordinates?limit=1001").statusCode()).isEqualTo(400);

        JsonNode importance = api.await(path + "/parameter-importance", view -> view.get("parameters").size() > 0,
                Duration.ofSeconds(60));
        assertThat(importance.get("trials").asInt()).isEqualTo(10);
        assertThat(importance.get("method").asText()).contains("permutation importance", "random-forest");
        assertThat(importance.get("parameters").findValuesAsText("parameter")).containsExactlyInAnyOrder(
                "convBlocks[0].filters", "convBlocks[0].kernelSize", "training.learningRate");
        double sum = 0;
        for (JsonNode share : importance.get("parameters")) {
            sum += share.get("importance").asDouble();
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(api.json(path + "/parameter-importance").get("updating").asBoolean())
                .as("no trial completed since: nothing to compute").isFalse();
    }

    @Test
    void aLeNet5ReferenceTrainsTheHandBuiltNetworkOnceOnTheSameData() throws Exception {
        JsonNode original = ranToEnd(ExperimentBodies.tiny(2, 1, 4));
        String id = original.get("id").asText();
        HttpResponse<String> created = api.post("/api/v1/experiments/" + id + "/lenet5-reference", "");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode reference = body(created);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/experiments/"
                + reference.get("id").asText());
        assertThat(reference.get("name").asText()).isEqualTo("LeNet-5 reference for tiny");
        assertThat(reference.get("definition").get("dataset")).isEqualTo(original.get("definition").get("dataset"));
        assertThat(reference.get("definition").get("seed")).isEqualTo(original.get("definition").get("seed"));
        assertThat(reference.get("definition").get("budget").get("maxTrials").asInt()).isEqualTo(1);

        JsonNode done = api.await("/api/v1/experiments/" + reference.get("id").asText(), e -> !e.get("running")
                .asBoolean() && !e.get("status").asText().equals("running"), Duration.ofMinutes(3));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        JsonNode trials = api.json("/api/v1/experiments/" + done.get("id").asText() + "/trials").get("trials");
        assertThat(trials).hasSize(1);
        assertThat(trials.get(0).get("architecture").asText()).contains("conv5x5·6", "conv5x5·16", "conv5x5·120",
                "dense 84");
        assertThat(trials.get(0).get("epochsTrained").asDouble()).as("as long as the original's trials")
                .isEqualTo(1.0);
        assertThat(api.post("/api/v1/experiments/nope/lenet5-reference", "").statusCode()).isEqualTo(404);
    }

    @Test
    void theBestModelsInsightShowsItsKernelsAFollowedImageAndItsConfusionMatrix() throws Exception {
        JsonNode done = ranToEnd(ExperimentBodies.tiny(3, 1, 6));
        String path = "/api/v1/experiments/" + done.get("id").asText();
        JsonNode best = api.json(path + "/trials?limit=1").get("trials").get(0);
        JsonNode insight = api.json(path + "/best-model/insight?image=5");

        assertThat(insight.get("trial").asInt()).isEqualTo(best.get("trial").asInt());
        assertThat(insight.get("testImages").asInt()).isEqualTo(100);
        long total = 0;
        long right = 0;
        JsonNode confusion = insight.get("confusion");
        assertThat(confusion).hasSize(10);
        for (int actual = 0; actual < 10; actual++) {
            for (int predicted = 0; predicted < 10; predicted++) {
                total += confusion.get(actual).get(predicted).asLong();
                right += actual == predicted ? confusion.get(actual).get(predicted).asLong() : 0;
            }
        }
        assertThat(total).isEqualTo(100);
        assertThat(insight.get("testError").asDouble()).isEqualTo(1 - right / 100.0);
        int filters = best.get("spec").get("convBlocks").get(0).get("filters").asInt();
        int kernel = best.get("spec").get("convBlocks").get(0).get("kernelSize").asInt();
        assertThat(insight.get("kernels").get("weights")).hasSize(filters)
                .allSatisfy(row -> assertThat(row).hasSize(kernel * kernel));
        assertThat(insight.get("featureMaps")).hasSize(1);
        assertThat(insight.get("featureMaps").get(0).get("maps")).hasSize(filters);
        JsonNode image = insight.get("image");
        assertThat(image.get("index").asInt()).isEqualTo(5);
        assertThat(image.get("pixels")).hasSize(28 * 28);
        double sum = 0;
        int argMax = 0;
        for (int k = 0; k < 10; k++) {
            sum += image.get("probabilities").get(k).asDouble();
            argMax = image.get("probabilities").get(k).asDouble()
                    > image.get("probabilities").get(argMax).asDouble() ? k : argMax;
        }
        assertThat(sum).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(image.get("predicted").asInt()).isEqualTo(argMax);
        assertThat(insight.get("classNames").get(image.get("label").asInt()).asText()).isNotBlank();

        JsonNode importance = api.json(path + "/parameter-importance");
        assertThat(importance.get("reason").asText()).isEqualTo("needs at least 8 completed trials, has 3");
        assertThat(importance.get("updating").asBoolean()).isFalse();
        assertThat(importance.get("parameters")).isEmpty();

        assertThat(api.get(path + "/best-model/insight?image=100").statusCode()).isEqualTo(400);
        assertThat(api.get(path + "/best-model/insight?image=-1").statusCode()).isEqualTo(400);
        assertThat(api.get("/api/v1/experiments/nope/best-model/insight").statusCode()).isEqualTo(404);
    }

    /**
     * The validation error a trial reported when it reached {@code epoch} (its first report at or past it: a run's
     * target is rounded up to whole batches), from its epochs in order.
     */
    private static Optional<Double> errorAt(JsonNode epochs, double epoch) {
        for (JsonNode reported : epochs) {
            if (reported.get("epoch").asDouble() >= epoch - EpochMetrics.EPOCH_TOLERANCE) {
                return Optional.of(reported.get("validationError").asDouble());
            }
        }
        return Optional.empty();
    }

    @Test
    void anExperimentMinimisingLatencyMeasuresEveryTrialAndAnswersForItsFrontAndLatencyLimits() throws Exception {
        String body = ExperimentBodies.tiny(3, 1, 6).replace("\"seed\":",
                "\"secondObjective\": \"latency\", \"seed\":");
        JsonNode done = ranToEnd(body);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        String id = done.get("id").asText();

        JsonNode trials = api.json("/api/v1/experiments/" + id + "/trials?limit=3").get("trials");
        assertThat(trials).hasSize(3);
        double fastest = Double.MAX_VALUE;
        for (JsonNode trial : trials) {
            JsonNode latency = trial.get("latency");
            assertThat(latency.get("msPerImage").asDouble()).isPositive();
            assertThat(latency.get("batch").asInt()).isEqualTo(32);
            assertThat(latency.get("threads").asInt()).isPositive();
            fastest = Math.min(fastest, latency.get("msPerImage").asDouble());
        }
        // The front by default on the experiment's own objective: exactly the trials no other beats in both.
        JsonNode front = api.json("/api/v1/experiments/" + id + "/pareto-front");
        assertThat(front.get("objective").asText()).isEqualTo("latency");
        List<Integer> onFront = front.get("trials").findValuesAsText("trial").stream().map(Integer::parseInt).toList();
        for (JsonNode row : trials) {
            double error = row.get("validationError").asDouble();
            double ms = row.get("latency").get("msPerImage").asDouble();
            boolean dominated = false;
            for (JsonNode other : trials) {
                double otherError = other.get("validationError").asDouble();
                double otherMs = other.get("latency").get("msPerImage").asDouble();
                dominated |= otherError <= error && otherMs <= ms && (otherError < error || otherMs < ms);
            }
            assertThat(onFront.contains(row.get("trial").asInt())).as("trial " + row.get("trial"))
                    .isEqualTo(!dominated);
        }
        front.get("trials").forEach(point -> assertThat(point.get("value").asDouble())
                .isEqualTo(point.get("latency").get("msPerImage").asDouble()));

        // The most accurate model within a latency: the fastest trial's figure admits it (and any as fast).
        JsonNode fast = api.json("/api/v1/experiments/" + id + "/best-model/provenance?maxLatencyMs=" + fastest);
        double admitted = fastest;
        assertThat(trials).filteredOn(t -> t.get("trial").asInt() == fast.get("trial").asInt())
                .allSatisfy(t -> assertThat(t.get("latency").get("msPerImage").asDouble()).isEqualTo(admitted));
        HttpResponse<String> none = api.get("/api/v1/experiments/" + id + "/best-model/provenance?maxLatencyMs="
                + fastest / 2);
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.body()).contains("a measured latency of at most");
        HttpResponse<String> bad = api.get("/api/v1/experiments/" + id + "/best-model?maxLatencyMs=fast");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("maxLatencyMs");
    }

    @Test
    void anExperimentRunsRanksAndHandsOutItsBestModel() throws Exception {
        HttpResponse<String> created = api.post("/api/v1/experiments", ExperimentBodies.tiny(3, 1, 5));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/experiments/" + id);

        JsonNode done = api.await("/api/v1/experiments/" + id, e -> !e.get("running").asBoolean()
                && !e.get("status").asText().equals("running"), Duration.ofMinutes(3));
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").get("completed").asInt()).isEqualTo(3);
        assertThat(done.get("definition").get("budget").get("maxTrials").asInt()).isEqualTo(3);

        JsonNode page = api.json("/api/v1/experiments/" + id + "/trials?limit=2");
        assertThat(page.get("total").asInt()).isEqualTo(3);
        assertThat(page.get("trials")).hasSize(2);
        double first = page.get("trials").get(0).get("validationError").asDouble();
        double second = page.get("trials").get(1).get("validationError").asDouble();
        assertThat(first).isLessThanOrEqualTo(second);
        assertThat(api.json("/api/v1/experiments/" + id + "/trials?sort=trial&order=desc").get("trials").get(0)
                .get("trial").asInt()).isEqualTo(2);

        int best = page.get("trials").get(0).get("trial").asInt();
        JsonNode trial = api.json("/api/v1/experiments/" + id + "/trials/" + best);
        assertThat(trial.get("epochs")).hasSize(1);
        assertThat(trial.get("epochs").get(0).get("validationError").asDouble()).isEqualTo(first);

        HttpResponse<byte[]> model = api.download("/api/v1/experiments/" + id + "/best-model");
        assertThat(model.statusCode()).isEqualTo(200);
        assertThat(model.headers().firstValue("Content-Type")).contains("application/zip");
        ComputationGraph network = ComputationGraph.load(
                writeTemp(model.body()).toFile(), false);
        assertThat(network.numParams()).isEqualTo(trial.get("parameterCount").asLong());
        JsonNode provenance = api.json("/api/v1/experiments/" + id + "/best-model/provenance");
        assertThat(provenance.get("trial").asInt()).isEqualTo(best);
        assertThat(provenance.get("definition").get("seed").asLong()).isEqualTo(5);
        assertThat(provenance.get("libraries").get("deeplearning4j").asText()).isEqualTo("1.0.0-M2.1");

        // The most accurate model under N parameters: the smallest trial's count admits it, one fewer none.
        JsonNode ranked = api.json("/api/v1/experiments/" + id + "/trials?limit=3").get("trials");
        long smallest = Long.MAX_VALUE;
        for (JsonNode row : ranked) {
            smallest = Math.min(smallest, row.get("parameterCount").asLong());
        }
        int bestSmall = -1;
        for (JsonNode row : ranked) { // best first: the first one small enough
            if (bestSmall < 0 && row.get("parameterCount").asLong() <= smallest) {
                bestSmall = row.get("trial").asInt();
            }
        }
        JsonNode small = api.json("/api/v1/experiments/" + id + "/best-model/provenance?maxParameters=" + smallest);
        assertThat(small.get("trial").asInt()).isEqualTo(bestSmall);
        assertThat(api.download("/api/v1/experiments/" + id + "/best-model?maxParameters=" + (smallest - 1))
                .statusCode()).isEqualTo(404);
        assertThat(api.download("/api/v1/experiments/" + id + "/best-model?maxParameters=many").statusCode())
                .isEqualTo(400);

        // The Pareto front of error and size: its trials are the ones no other trial beats in both.
        for (String objective : List.of("params", "macs")) {
            JsonNode front = api.json("/api/v1/experiments/" + id + "/pareto-front?objective=" + objective);
            assertThat(front.get("objective").asText()).isEqualTo(objective);
            String field = objective.equals("params") ? "parameterCount" : "macs";
            List<Integer> onFront = front.get("trials").findValuesAsText("trial").stream().map(Integer::parseInt)
                    .toList();
            assertThat(onFront).isNotEmpty();
            for (JsonNode row : ranked) {
                assertThat(row.get("macs").asLong()).isPositive();
                boolean dominated = false;
                for (JsonNode other : ranked) {
                    dominated |= other.get("validationError").asDouble() <= row.get("validationError").asDouble()
                            && other.get(field).asLong() <= row.get(field).asLong()
                            && (other.get("validationError").asDouble() < row.get("validationError").asDouble()
                            || other.get(field).asLong() < row.get(field).asLong());
                }
                assertThat(onFront.contains(row.get("trial").asInt())).as("trial " + row.get("trial") + " by "
                        + objective).isEqualTo(!dominated);
            }
        }
        assertThat(api.json("/api/v1/experiments/" + id + "/pareto-front").get("objective").asText())
                .isEqualTo("params");
        HttpResponse<String> unmeasured = api.get("/api/v1/experiments/" + id + "/pareto-front?objective=latency");
        assertThat(unmeasured.statusCode()).isEqualTo(400);
        assertThat(unmeasured.body()).contains("did not measure its trials' latency");
        // Nothing vouches for an unmeasured trial's latency: no model passes a latency limit.
        assertThat(api.download("/api/v1/experiments/" + id + "/best-model?maxLatencyMs=100000").statusCode())
                .isEqualTo(404);

        assertThat(api.json("/api/v1/experiments").get("experiments").findValuesAsText("id")).contains(id);

        // Best so far over time: strictly improving, in time order, ending at the experiment's best.
        JsonNode points = api.json("/api/v1/experiments/" + id + "/best-over-time").get("points");
        assertThat(points).isNotEmpty();
        List<Double> errors = new ArrayList<>();
        List<Double> seconds = new ArrayList<>();
        points.forEach(point -> {
            errors.add(point.get("validationError").asDouble());
            seconds.add(point.get("seconds").asDouble());
        });
        assertThat(errors).isSortedAccordingTo(java.util.Comparator.reverseOrder()).doesNotHaveDuplicates();
        assertThat(seconds).isSorted();
        assertThat(errors.get(errors.size() - 1)).isEqualTo(done.get("progress").get("bestValidationError").asDouble());
    }

    @Test
    void cancellingStopsTheExperimentAndDeletingRemovesIt() throws Exception {
        String id = body(api.post("/api/v1/experiments", ExperimentBodies.tiny(50, 200, 6))).get("id").asText();
        api.await("/api/v1/experiments/" + id, e -> e.get("progress").get("running").asInt() == 1,
                Duration.ofMinutes(2));

        assertThat(api.post("/api/v1/experiments/" + id + "/cancel", "").statusCode()).isEqualTo(202);
        JsonNode cancelled = api.await("/api/v1/experiments/" + id, e -> e.get("status").asText().equals("cancelled"),
                Duration.ofMinutes(1));
        assertThat(cancelled.get("progress").get("cancelled").asInt()).isEqualTo(1);
        assertThat(cancelled.get("progress").get("trials").asInt()).isEqualTo(1);
        assertThat(api.post("/api/v1/experiments/" + id + "/cancel", "").statusCode()).isEqualTo(409);

        assertThat(api.delete("/api/v1/experiments/" + id).statusCode()).isEqualTo(204);
        HttpResponse<String> gone = api.get("/api/v1/experiments/" + id);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    @Test
    void anExperimentWhoseDataCannotBeReadEndsFailedWithTheReason() throws Exception {
        java.nio.file.Files.createDirectories(dataDir.resolve("datasets").resolve("empty"));
        String body = ExperimentBodies.tiny(2, 1, 1).replace("\"name\": \"fashion-mnist\"",
                "\"name\": \"mnist\", \"path\": \"empty\"");
        HttpResponse<String> created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        JsonNode failed = api.await("/api/v1/experiments/" + id, e -> !e.get("status").asText().equals("running"),
                Duration.ofMinutes(1));
        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("reason").asText()).contains("empty");
    }

    @Test
    void anExperimentWithTooManyFailedTrialsEndsFailed() throws Exception {
        // Unpadded 5x5 convolutions with pooling leave nothing of a 28x28 image after four blocks: deep candidates
        // fail to build (EXCEPTION) while shallow ones train, so the space passes the feasibility check.
        String body = ExperimentBodies.tiny(5, 1, 1)
                .replace("\"depth\": 1, \"filters\": {\"choices\": [2, 4]}, \"kernelSize\": {\"choices\": [3, 5]}",
                        "\"depth\": {\"min\": 1, \"max\": 7}, \"filters\": 2, \"kernelSize\": 5, \"padding\": \"VALID\"")
                .replace("\"maxFailedTrials\": 2", "\"maxFailedTrials\": 0");
        HttpResponse<String> created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        JsonNode ended = api.await("/api/v1/experiments/" + id, e -> !e.get("status").asText().equals("running"),
                Duration.ofMinutes(2));
        assertThat(ended.get("status").asText()).isEqualTo("failed");
        assertThat(ended.get("reason").asText()).contains("1 trials failed, more than the limit of 0");
        JsonNode failed = api.json("/api/v1/experiments/" + id + "/trials?state=failed").get("trials").get(0);
        assertThat(failed.get("failureCause").asText()).isEqualTo("EXCEPTION");
        assertThat(failed.get("message").asText()).isNotBlank();
    }

    @Test
    void resumingWithAChangedSpaceIsA409AndChangesNothing() throws Exception {
        String body = ExperimentBodies.tiny(50, 200, 8);
        String id = body(api.post("/api/v1/experiments", body)).get("id").asText();
        String path = "/api/v1/experiments/" + id;
        api.await(path, e -> e.get("progress").get("running").asInt() == 1, Duration.ofMinutes(2));
        assertThat(api.post(path + "/resume", body).statusCode()).isEqualTo(409);
        api.post(path + "/cancel", "");
        JsonNode stopped = api.await(path, e -> e.get("status").asText().equals("cancelled"), Duration.ofMinutes(1));

        HttpResponse<String> changed = api.post(path + "/resume", body.replace("[2, 4]", "[2, 8]"));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(body(changed).get("detail").asText()).contains("another search space");
        JsonNode after = api.json(path);
        assertThat(after.get("status").asText()).isEqualTo("cancelled");
        assertThat(after.get("progress")).isEqualTo(stopped.get("progress"));

        // The same space (keys in another order) resumes it: the next trial starts.
        HttpResponse<String> same = api.post(path + "/resume", body.replace(
                "\"convBlocks\": {\"depth\": 1, \"filters\": {\"choices\": [2, 4]}, \"kernelSize\": {\"choices\": [3, 5]},",
                "\"convBlocks\": {\"kernelSize\": {\"choices\": [3, 5]}, \"filters\": {\"choices\": [2, 4]}, \"depth\": 1,"));
        assertThat(same.statusCode()).as(same.body()).isEqualTo(202);
        api.await(path, e -> e.get("progress").get("running").asInt() == 1 && e.get("progress").get("trials").asInt() == 2,
                Duration.ofMinutes(1));
        api.post(path + "/cancel", "");
        api.await(path, e -> e.get("status").asText().equals("cancelled"), Duration.ofMinutes(1));
    }

    @Test
    void aCompletedExperimentContinuesWithALargerBudgetKeepingItsTrials() throws Exception {
        String body = ExperimentBodies.tiny(2, 1, 12);
        String id = body(api.post("/api/v1/experiments", body)).get("id").asText();
        String path = "/api/v1/experiments/" + id;
        api.await(path, e -> e.get("status").asText().equals("completed") && !e.get("running").asBoolean(),
                Duration.ofMinutes(2));
        List<String> firstTwo = new ArrayList<>();
        for (JsonNode trial : api.json(path + "/trials?sort=trial").get("trials")) {
            firstTwo.add(trial.get("architecture").asText() + " " + trial.get("validationError").asText());
        }

        HttpResponse<String> reseeded = api.post(path + "/resume", ExperimentBodies.tiny(4, 1, 13));
        assertThat(reseeded.statusCode()).isEqualTo(409);
        assertThat(body(reseeded).get("detail").asText()).contains("only the budget", "seed");

        HttpResponse<String> continued = api.post(path + "/resume", ExperimentBodies.tiny(4, 1, 12));
        assertThat(continued.statusCode()).as(continued.body()).isEqualTo(202);
        JsonNode done = api.await(path, e -> e.get("status").asText().equals("completed")
                && !e.get("running").asBoolean() && e.get("progress").get("trials").asInt() == 4, Duration.ofMinutes(2));
        assertThat(done.get("definition").get("budget").get("maxTrials").asInt()).isEqualTo(4);
        List<String> afterwards = new ArrayList<>();
        for (JsonNode trial : api.json(path + "/trials?sort=trial").get("trials")) {
            afterwards.add(trial.get("architecture").asText() + " " + trial.get("validationError").asText());
        }
        assertThat(afterwards).hasSize(4).startsWith(firstTwo.toArray(String[]::new));
    }

    @Test
    void ofConcurrentResumesOneStartsTheExperimentAndTheOthersAre409() throws Exception {
        String body = ExperimentBodies.tiny(50, 200, 9);
        String id = body(api.post("/api/v1/experiments", body)).get("id").asText();
        String path = "/api/v1/experiments/" + id;
        api.await(path, e -> e.get("progress").get("running").asInt() == 1, Duration.ofMinutes(2));
        api.post(path + "/cancel", "");
        api.await(path, e -> e.get("status").asText().equals("cancelled") && !e.get("running").asBoolean(),
                Duration.ofMinutes(1));

        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.CompletableFuture<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answers.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> {
                try {
                    go.await();
                    return api.post(path + "/resume", body).statusCode();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, java.util.concurrent.Executors.newSingleThreadExecutor()));
        }
        go.countDown();
        List<Integer> codes = new ArrayList<>();
        for (var answer : answers) {
            codes.add(answer.get(1, java.util.concurrent.TimeUnit.MINUTES));
        }
        assertThat(codes).containsOnly(202, 409).filteredOn(code -> code == 202).hasSize(1);
        api.await(path, e -> e.get("progress").get("running").asInt() == 1, Duration.ofMinutes(1));
        assertThat(api.json(path).get("progress").get("running").asInt()).as("one search, one trial").isEqualTo(1);
        api.post(path + "/cancel", "");
        api.await(path, e -> e.get("status").asText().equals("cancelled") && !e.get("running").asBoolean(),
                Duration.ofMinutes(1));
    }

    @Test
    void aFinalTrainingShareTrainsTheBestTrialOnAndTheServiceHandsOutThatModel() throws Exception {
        String body = ExperimentBodies.tiny(2, 1, 5).replace("\"maxWallTimeSeconds\": 600",
                "\"maxWallTimeSeconds\": 40, \"finalTrainingShare\": 0.25");
        HttpResponse<String> created = api.post("/api/v1/experiments", body);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = body(created).get("id").asText();
        assertThat(api.download("/api/v1/experiments/" + id + "/final-model").statusCode())
                .as("no final model before its training has ended").isEqualTo(404);

        JsonNode done = api.await("/api/v1/experiments/" + id, e -> !e.get("running").asBoolean()
                && !e.get("status").asText().equals("running"), Duration.ofMinutes(3));

        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("definition").get("budget").get("finalTrainingShare").asDouble()).isEqualTo(0.25);
        JsonNode finalModel = done.get("finalModel");
        assertThat(finalModel.get("trial").asInt()).isEqualTo(done.get("progress").get("bestTrial").asInt());
        assertThat(finalModel.get("epochsTrained").asDouble()).as("trained on past the trial's 1 epoch")
                .isGreaterThan(1.0);
        assertThat(finalModel.get("testAccuracy").asDouble()).isBetween(0.0, 1.0);
        HttpResponse<byte[]> model = api.download("/api/v1/experiments/" + id + "/final-model");
        assertThat(model.statusCode()).isEqualTo(200);
        JsonNode trial = api.json("/api/v1/experiments/" + id + "/trials/" + finalModel.get("trial").asInt());
        assertThat(ComputationGraph.load(writeTemp(model.body()).toFile(), false).numParams())
                .isEqualTo(trial.get("parameterCount").asLong());

        HttpResponse<String> tooMuch = api.post("/api/v1/experiments", body.replace("0.25", "0.95"));
        assertThat(tooMuch.statusCode()).isEqualTo(422);
        assertThat(tooMuch.body()).contains("$.budget.finalTrainingShare", "from 0.0 to 0.9");
    }

    @Test
    void malformedJsonIsA400WithLineAndColumn() throws Exception {
        HttpResponse<String> response = api.post("/api/v1/experiments", "{\n  \"name\": \"x\",\n  \"space\": {,}\n}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(body(response).get("detail").asText()).contains("line 3, column");
    }

    @Test
    void unknownFieldsAreA400NamingThem() throws Exception {
        String body = ExperimentBodies.tiny(1, 1, 1).replace("\"seed\"", "\"sede\": 3, \"seed\"");
        HttpResponse<String> response = api.post("/api/v1/experiments", body);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(body(response).get("detail").asText()).contains("$.sede");
    }

    @Test
    void semanticErrorsListEveryViolationWithItsPath() throws Exception {
        String body = """
                {"space": {"convBlocks": {"depth": 99}}, "dataset": {"name": "imagenet"},
                 "sampler": "bayes", "budget": {"maxTrials": 0, "maxConcurrent": "two"}}
                """;
        HttpResponse<String> response = api.post("/api/v1/experiments", body);
        assertThat(response.statusCode()).isEqualTo(422);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        List<String> paths = new ArrayList<>(body(response).get("violations").findValuesAsText("path"));
        assertThat(paths).contains("$.dataset.name", "$.sampler", "$.budget.maxTrials", "$.budget.maxConcurrent")
                .anyMatch(path -> path.startsWith("$.space.convBlocks"));
    }

    @Test
    void datasetPathsCannotLeaveTheDatasetRoot() throws Exception {
        for (String path : List.of("../../etc", "/etc", "a/../../b")) {
            String body = ExperimentBodies.tiny(1, 1, 1).replace("\"name\": \"fashion-mnist\"",
                    "\"name\": \"mnist\", \"path\": \"" + path + "\"");
            HttpResponse<String> response = api.post("/api/v1/experiments", body);
            assertThat(response.statusCode()).as(path).isEqualTo(422);
            assertThat(body(response).get("violations").findValuesAsText("path")).contains("$.dataset.path");
        }
        String missing = ExperimentBodies.tiny(1, 1, 1).replace("\"name\": \"fashion-mnist\"",
                "\"name\": \"mnist\", \"path\": \"not-there\"");
        assertThat(api.post("/api/v1/experiments", missing).statusCode()).isEqualTo(422);
    }

    @Test
    void oversizedBodiesAreA413() throws Exception {
        String huge = "{\"name\": \"" + "x".repeat(2 << 20) + "\"}";
        HttpResponse<String> response = api.post("/api/v1/experiments", huge);
        assertThat(response.statusCode()).isEqualTo(413);
    }

    @Test
    void mutatingCallsWithoutTheTokenAre401() throws Exception {
        HttpResponse<String> response = api.send("POST", "/api/v1/experiments", ExperimentBodies.tiny(1, 1, 1),
                false);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
        assertThat(api.send("DELETE", "/api/v1/experiments/x", "", false).statusCode()).isEqualTo(401);
    }

    @Test
    void readsNeedTheTokenOrTheReadOnlyTokenAndOnlyThePublicFilesAreOpen() throws Exception {
        assertThat(api.getWith("/api/v1/experiments").statusCode()).isEqualTo(401);
        assertThat(api.getWith("/api/v1/experiments/x/trials").statusCode()).isEqualTo(401);
        assertThat(api.getWith("/api/v1/experiments/x/events").statusCode()).isEqualTo(401);
        assertThat(api.getWith("/metrics").statusCode()).isEqualTo(401);
        assertThat(api.getWith("/api/v1/experiments", "Authorization", "Bearer " + TOKEN + "x").statusCode())
                .isEqualTo(401);
        // A path that only looks public once normalised is judged by where it leads.
        assertThat(api.getWith("/ui/../api/v1/experiments").statusCode()).isEqualTo(401);

        for (String open : List.of("/health", "/openapi.yaml", "/", "/ui/app.js")) {
            assertThat(api.getWith(open).statusCode()).as(open).isEqualTo(200);
        }
        assertThat(api.getWith("/api/v1/experiments", "Authorization", "Bearer " + READ_TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(api.get("/api/v1/experiments").statusCode()).isEqualTo(200);
    }

    @Test
    void theReadOnlyTokenChangesNothing() throws Exception {
        HttpRequest create = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/api/v1/experiments")).header("Authorization", "Bearer " + READ_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(ExperimentBodies.tiny(1, 1, 1))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(create, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("read-only token allows GET and HEAD only");
    }

    @Test
    void aSessionCookieFromATokenAllowsReadsOnly() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        URI session = URI.create("http://127.0.0.1:" + service.port() + "/api/v1/session");
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(session)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("Set-Cookie")).isEmpty();

        HttpResponse<String> granted = http.send(HttpRequest.newBuilder(session)
                .header("Authorization", "Bearer " + READ_TOKEN).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(granted.statusCode()).isEqualTo(204);
        String setCookie = granted.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).startsWith(AccessTokens.SESSION_COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict")
                .doesNotContain(TOKEN, READ_TOKEN);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        assertThat(api.getWith("/api/v1/experiments", "Cookie", cookie).statusCode()).isEqualTo(200);
        // Past the guard: the stream of an experiment that does not exist is a 404, not a 401.
        assertThat(api.getWith("/api/v1/experiments/no-such/events", "Cookie", cookie).statusCode()).isEqualTo(404);
        assertThat(api.getWith("/api/v1/experiments", "Cookie", cookie + "0").statusCode()).isEqualTo(401);
        HttpResponse<String> write = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + service.port()
                        + "/api/v1/experiments/x/cancel")).header("Cookie", cookie)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(write.statusCode()).isEqualTo(401);
    }

    @Test
    void aForeignHostOrOriginIsRefused() throws Exception {
        assertThat(rawRequest("GET /api/v1/experiments HTTP/1.1\r\nHost: evil.example:80\r\n\r\n"))
                .startsWith("HTTP/1.1 403");
        assertThat(rawRequest("GET /api/v1/experiments HTTP/1.1\r\nHost: 127.0.0.1:" + service.port()
                + "\r\nOrigin: http://evil.example\r\n\r\n")).startsWith("HTTP/1.1 403")
                .doesNotContain("Access-Control-Allow-Origin");
    }

    @Test
    void healthMetricsAndTheOpenApiDocumentAreServed() throws Exception {
        assertThat(api.json("/health").get("status").asText()).isEqualTo("UP");
        HttpResponse<String> metrics = api.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("vertx_http_server_requests_total");
        HttpResponse<String> openApi = api.get("/openapi.yaml");
        assertThat(openApi.body()).startsWith("openapi: 3").contains("/api/v1/experiments/{id}/trials");
        assertThat(api.get("/no/such/thing").statusCode()).isEqualTo(404);
    }

    private static String rawRequest(String request) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", service.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            int read = in.read(buffer);
            return new String(buffer, 0, Math.max(read, 0), StandardCharsets.US_ASCII);
        }
    }

    private static Path writeTemp(byte[] bytes) throws Exception {
        Path file = java.nio.file.Files.createTempFile(dataDir, "model", ".zip");
        try (var in = new ByteArrayInputStream(bytes)) {
            java.nio.file.Files.copy(in, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
