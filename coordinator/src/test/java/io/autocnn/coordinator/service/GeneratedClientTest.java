package io.autocnn.coordinator.service;

import io.autocnn.client.ApiClient;
import io.autocnn.client.ApiException;
import io.autocnn.client.api.DefaultApi;
import io.autocnn.client.model.Experiment;
import io.autocnn.client.model.ExperimentRequest;
import io.autocnn.client.model.ExperimentRequestBudget;
import io.autocnn.client.model.ExperimentRequestDataset;
import io.autocnn.client.model.Trial;
import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A Java client generated from {@code openapi.yaml} by openapi-generator (at build time, see the module's pom), as a
 * user's tools would make it, drives a live service (real Spark, real SQLite, real training): it creates an
 * experiment, follows it, cancels it, reads its trials, and gets the documented errors. A document that disagreed
 * with the service in a path, a field, a type or a status would break here.
 */
@Tag("slow")
class GeneratedClientTest {

    private static final String TOKEN = "generated-client-token-0123456789";

    @TempDir
    Path dataDir;

    private static Map<String, Object> space() {
        return Map.of(
                "convBlocks", Map.of("depth", 1, "filters", Map.of("choices", List.of(2, 4)),
                        "kernelSize", Map.of("choices", List.of(3, 5)), "pooling", "MAX"),
                "training", Map.of("batchSize", 32, "epochs", 500,
                        "learningRate", Map.of("min", 0.002, "max", 0.02, "log", true)));
    }

    private static Experiment await(DefaultApi api, String id, Predicate<Experiment> done) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        Experiment experiment = api.getExperiment(id);
        while (!done.test(experiment)) {
            assertThat(System.nanoTime()).as("waiting for experiment %s: %s", id, experiment).isLessThan(deadline);
            Thread.sleep(100);
            experiment = api.getExperiment(id);
        }
        return experiment;
    }

    private static List<Trial> trials(DefaultApi api, String id) {
        try {
            return api.listTrials(id, "trial", "asc", null, 0, 50, null).getTrials();
        } catch (ApiException e) {
            throw new AssertionError("listing the trials answered " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    @Test
    void aGeneratedClientCreatesFollowsAndCancelsAnExperiment() throws Exception {
        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(dataDir).withAccess(AccessTokens.of(TOKEN)),
                SparkOptions.embedded().withMaster("local[1]").withConcurrency(1, 1))) {
            ApiClient client = new ApiClient().setScheme("http").setHost("127.0.0.1").setPort(service.port())
                    .setRequestInterceptor(request -> request.header("Authorization", "Bearer " + TOKEN));
            DefaultApi api = new DefaultApi(client);

            Experiment created = api.createExperiment(new ExperimentRequest().name("generated").space(space())
                    .dataset(new ExperimentRequestDataset().name(ExperimentRequestDataset.NameEnum.FASHION_MNIST)
                            .limit(600).testLimit(100).validationFraction(new BigDecimal("0.2")))
                    .sampler(ExperimentRequest.SamplerEnum.RANDOM).scheduler(ExperimentRequest.SchedulerEnum.FIFO)
                    .budget(new ExperimentRequestBudget().maxTrials(20).maxConcurrent(1))
                    .seed(5L));
            assertThat(created.getStatus()).isEqualTo(Experiment.StatusEnum.RUNNING);
            assertThat(created.getDefinition().getBudget().getMaxTrials()).isEqualTo(20);
            assertThat(created.getDefinition().getRungs()).as("the documented default").isEqualTo(4);

            String id = created.getId();
            await(api, id, e -> trials(api, id).stream().anyMatch(t -> t.getEpochsTrained() != null
                    && t.getEpochsTrained().doubleValue() > 0));
            api.cancelExperiment(id);
            Experiment cancelled = await(api, id, e -> e.getStatus() == Experiment.StatusEnum.CANCELLED
                    && Boolean.FALSE.equals(e.getRunning()));
            assertThat(cancelled.getReason()).isEqualTo("cancelled");

            List<Trial> trials = trials(api, id);
            assertThat(trials).hasSize(1);
            Trial first = api.getTrial(id, trials.get(0).getTrial());
            assertThat(first.getState()).isEqualTo("cancelled");
            assertThat(first.getEpochs()).isNotEmpty();
            assertThat(api.listExperiments().getExperiments()).extracting(Experiment::getId).contains(id);
            // The repeatable where filter, as the generated client sends it.
            Object filters = ((Map<?, ?>) first.getParameters()).get("convBlocks[0].filters");
            String other = String.valueOf(filters).equals("2") ? "4" : "2";
            assertThat(api.listTrials(id, "trial", "asc", null, 0, 50, List.of("convBlocks[0].filters:" + filters,
                    "training.learningRate:0.002..0.02")).getTotal()).isEqualTo(1);
            assertThat(api.listTrials(id, "trial", "asc", null, 0, 50, List.of("convBlocks[0].filters:" + other))
                    .getTotal()).isZero();

            ApiException conflict = catchThrowableOfType(() -> api.cancelExperiment(id), ApiException.class);
            assertThat(conflict.getCode()).isEqualTo(409);
            ApiException invalid = catchThrowableOfType(() -> api.createExperiment(new ExperimentRequest()
                    .space(space()).budget(new ExperimentRequestBudget().maxTrials(0))), ApiException.class);
            assertThat(invalid.getCode()).isEqualTo(422);
            assertThat(invalid.getResponseBody()).contains("$.budget.maxTrials");
            ApiException unauthorised = catchThrowableOfType(() -> new DefaultApi(new ApiClient().setScheme("http")
                    .setHost("127.0.0.1").setPort(service.port())).deleteExperiment(id), ApiException.class);
            assertThat(unauthorised.getCode()).isEqualTo(401);
        }
    }
}
