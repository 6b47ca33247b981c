package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.definition.InvalidDefinitionException;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialDetail;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialPages;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.ui.Leaderboard;
import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import io.vertx.micrometer.MicrometerMetricsOptions;
import io.vertx.micrometer.PrometheusScrapingHandler;
import io.vertx.micrometer.VertxPrometheusOptions;
import io.vertx.micrometer.backends.BackendRegistries;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The coordinator's HTTP API on Vert.x: experiments (create, list, get, cancel, resume, delete), their trials (ranked
 * pages, one trial with its epochs), the best model with its provenance, the OpenAPI document, health and Prometheus
 * metrics, and the live leaderboard (the page at {@code /} and its event stream). Every handler that touches the store or a search runs on a worker thread; the event loop only routes.
 */
public final class ApiServer implements AutoCloseable {

    static final String API = "/api/v1";

    private final Vertx vertx;
    private final HttpServer server;
    private final Router router;
    private final ParameterImportances importances;

    private ApiServer(Vertx vertx, HttpServer server, Router router, ParameterImportances importances) {
        this.importances = importances;
        this.vertx = vertx;
        this.server = server;
        this.router = router;
    }

    public static ApiServer start(ServiceOptions options, TrialStore store, ExperimentManager experiments,
                                  SparkOptions spark, Leaderboard leaderboard) {
        Vertx vertx = Vertx.vertx(new VertxOptions().setMetricsOptions(new MicrometerMetricsOptions()
                .setPrometheusOptions(new VertxPrometheusOptions().setEnabled(true)).setEnabled(true)));
        try {
            // Connections idle for a minute are closed; event streams stay busy with their 15-second heartbeat.
            HttpServer server = vertx.createHttpServer(new HttpServerOptions().setIdleTimeout(60)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS));
            // The guard needs the port, so listen first on the chosen one and install the router before serving.
            Router router = Router.router(vertx);
            server.requestHandler(router);
            server.listen(options.port(), options.host()).toCompletionStage().toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            ParameterImportances importances = new ParameterImportances(store, Routes::searched,
                    Clock.systemUTC());
            Routes routes = new Routes(store, experiments, spark.master(), spark.maxConcurrentTrials(),
                    new BestOverTime(store), importances, new BestModelInsight());
            router.route().handler(new RequestGuard(options, server.actualPort()));
            // No upload handling: a multipart body would otherwise be written to ./file-uploads by anyone.
            router.route().handler(BodyHandler.create(false).setBodyLimit(options.maxBodyBytes()));
            router.get("/openapi.yaml").handler(ApiServer::openApi);
            router.get("/health").blockingHandler(routes::health, false);
            router.get("/metrics").handler(PrometheusScrapingHandler.create());
            router.post(SessionCookie.PATH).handler(new SessionCookie(options.access()));
            router.post(API + "/experiments").blockingHandler(guarded(routes::create), false);
            router.get(API + "/experiments").blockingHandler(guarded(routes::list), false);
            router.get(API + "/experiments/:id").blockingHandler(guarded(routes::get), false);
            router.post(API + "/experiments/:id/cancel").blockingHandler(guarded(routes::cancel), false);
            router.post(API + "/experiments/:id/resume").blockingHandler(guarded(routes::resume), false);
            router.post(API + "/experiments/:id/lenet5-reference")
                    .blockingHandler(guarded(routes::lenet5Reference), false);
            router.delete(API + "/experiments/:id").blockingHandler(guarded(routes::delete), false);
            router.get(API + "/experiments/:id/trials").blockingHandler(guarded(routes::trials), false);
            router.get(API + "/experiments/:id/trials/:trial").blockingHandler(guarded(routes::trial), false);
            router.get(API + "/experiments/:id/best-over-time").blockingHandler(guarded(routes::bestOverTime), false);
            router.get(API + "/experiments/:id/best-model").blockingHandler(guarded(routes::bestModel), false);
            router.get(API + "/experiments/:id/final-model").blockingHandler(guarded(routes::finalModel), false);
            router.get(API + "/experiments/:id/pareto-front").blockingHandler(guarded(routes::paretoFront), false);
            router.get(API + "/experiments/:id/early-stopping").blockingHandler(guarded(routes::earlyStopping), false);
            router.get(API + "/experiments/:id/parallel-coordinates")
                    .blockingHandler(guarded(routes::parallelCoordinates), false);
            router.get(API + "/experiments/:id/parameter-importance")
                    .blockingHandler(guarded(routes::parameterImportance), false);
            router.get(API + "/experiments/:id/best-model/provenance")
                    .blockingHandler(guarded(routes::provenance), false);
            router.get(API + "/experiments/:id/best-model/insight").blockingHandler(guarded(routes::insight), false);
            leaderboard.mount(vertx, router, API);
            router.route().last().handler(context -> ApiResponses.problem(context,
                    new ApiProblem(404, "Not Found", "no such resource: " + context.request().path())));
            router.errorHandler(413, context -> ApiResponses.problem(context, new ApiProblem(413,
                    "Payload Too Large", "request bodies are limited to " + options.maxBodyBytes() + " bytes")));
            router.errorHandler(500, context -> ApiResponses.problem(context, new ApiProblem(500,
                    "Internal Server Error", "the request failed; see the service log")));
            return new ApiServer(vertx, server, router, importances);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("cannot listen on " + options.host() + ":" + options.port() + ": "
                    + e.getMessage(), e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    /** The meter registry the metrics endpoint reports (the service's own meters can join it). */
    public static PrometheusMeterRegistry registry() {
        return (PrometheusMeterRegistry) BackendRegistries.getDefaultNow();
    }

    /** Answers an {@link ApiProblem} thrown by a handler as problem+json instead of a 500. */
    private static Handler<RoutingContext> guarded(Handler<RoutingContext> handler) {
        return context -> {
            try {
                handler.handle(context);
            } catch (ApiProblem problem) {
                ApiResponses.problem(context, problem);
            } catch (InvalidDefinitionException invalid) {
                ApiResponses.problem(context, invalid.malformed()
                        ? new ApiProblem(400, "Malformed definition", invalid.getMessage())
                        : new ApiProblem(422, "Invalid experiment", invalid.violations().size()
                        + " problem(s) in the request", invalid.violations()));
            } catch (ExperimentConflictException conflict) {
                ApiResponses.problem(context, new ApiProblem(409, "Conflict", conflict.getMessage()));
            } catch (ServiceBusyException busy) {
                ApiResponses.problem(context, new ApiProblem(429, "Too Many Experiments", busy.getMessage()));
            }
        };
    }

    private static void openApi(RoutingContext context) {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.yaml")) {
            context.response().putHeader("Content-Type", "application/yaml").end(
                    io.vertx.core.buffer.Buffer.buffer(in.readAllBytes()));
        } catch (IOException | NullPointerException e) {
            ApiResponses.problem(context, new ApiProblem(500, "Internal Server Error", "openapi.yaml is missing"));
        }
    }

    /** Every route served, as "METHOD /path" with Vert.x's {@code :param} written {@code {param}} as OpenAPI does. */
    public List<String> routes() {
        List<String> routes = new ArrayList<>();
        for (Route route : router.getRoutes()) {
            if (route.getPath() != null && route.methods() != null) {
                String path = route.getPath().replaceAll(":([A-Za-z]+)", "{$1}");
                route.methods().forEach(method -> routes.add(method.name() + " " + path));
            }
        }
        return routes;
    }

    @Override
    public void close() {
        importances.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** How far down the ranking the best model is looked for. */
    static final int MODEL_CANDIDATES = 1_000;

    /** The handlers; each runs on a worker thread. */
    /** @param defaultConcurrent trials at once for a request that does not say (the service's --concurrency) */
    private record Routes(TrialStore store, ExperimentManager experiments, String sparkMaster, int defaultConcurrent,
                          BestOverTime bestOverTime, ParameterImportances importances, BestModelInsight insight) {

        /** The parameters the experiment's space searches, from its stored definition. */
        static List<SearchedParameter> searched(ExperimentRecord record) {
            return SearchedParameter.of(SearchDefinitionParser.parse(record.definitionJson()).parsedSpace());
        }

        void health(RoutingContext context) {
            store.experiments();
            ApiResponses.json(context, 200, Map.of("status", "UP", "spark", sparkMaster));
        }

        void create(RoutingContext context) {
            SearchDefinition definition = SearchDefinitionParser.parse(context.body().asString(), defaultConcurrent);
            ExperimentRecord record = experiments.create(definition);
            context.response().putHeader("Location", API + "/experiments/" + record.id());
            ApiResponses.json(context, 201, view(record));
        }

        void list(RoutingContext context) {
            ApiResponses.json(context, 200, Map.of("experiments",
                    store.experiments().stream().map(this::view).toList()));
        }

        void get(RoutingContext context) {
            ApiResponses.json(context, 200, view(experiment(context)));
        }

        void cancel(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            if (!experiments.cancel(record.id())) {
                throw new ApiProblem(409, "Conflict", "experiment " + record.id() + " is not running");
            }
            ApiResponses.json(context, 202, Map.of("id", record.id(), "cancelling", true));
        }

        void resume(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            experiments.resume(record.id(), SearchDefinitionParser.parse(context.body().asString(), defaultConcurrent));
            ApiResponses.json(context, 202, view(experiment(context)));
        }

        /** Starts an experiment training LeNet-5 once on this experiment's data ({@link LeNet5Reference}). */
        void lenet5Reference(RoutingContext context) {
            ExperimentRecord original = experiment(context);
            ExperimentRecord record = experiments.create(LeNet5Reference.of(
                    SearchDefinitionParser.parse(original.definitionJson())));
            context.response().putHeader("Location", API + "/experiments/" + record.id());
            ApiResponses.json(context, 201, view(record));
        }

        void delete(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            try {
                experiments.delete(record.id());
                bestOverTime.forget(record.id());
                importances.forget(record.id());
                insight.forget(record.id());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ApiProblem(503, "Service Unavailable", "interrupted while stopping the experiment");
            }
            context.response().setStatusCode(204).end();
        }

        void trials(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            TrialQuery query = TrialListingQuery.parse(context.queryParams(), () -> searched(record));
            TrialPage page = store.trials(record.id(), query);
            ApiResponses.json(context, 200, Map.of("total", page.total(), "offset", query.offset(),
                    "limit", query.limit(), "trials", page.rows().stream().map(ApiViews::trial).toList()));
        }

        void trial(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            int index = trialIndex(context);
            TrialDetail detail = store.trial(record.id(), index).orElseThrow(() -> ApiProblem.notFound(
                    "trial " + index + " of experiment " + record.id()));
            var node = ApiViews.trial(detail.trial());
            node.set("epochs", io.autocnn.space.spec.TrialSpecJson.mapper().valueToTree(detail.epochs()));
            ApiResponses.json(context, 200, node);
        }

        void bestOverTime(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            ApiResponses.json(context, 200, Map.of("points", bestOverTime.of(record)));
        }

        void bestModel(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            sendModel(context, experiments.checkpointOf(record.id(), best(context, record).trialIndex()),
                    record.id() + "-best-model.zip");
        }

        void finalModel(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            if (experiments.finalModel(record.id()).isEmpty()) {
                throw new ApiProblem(404, "Not Found", "experiment " + record.id() + " has no final model: its "
                        + "definition asks for none (budget.finalTrainingShare), or its final training has not ended");
            }
            sendModel(context, experiments.finalModelOf(record.id()), record.id() + "-final-model.zip");
        }

        /** A model zip as a download named {@code filename} (an experiment id and a fixed suffix, never a request's). */
        private static void sendModel(RoutingContext context, Path zip, String filename) {
            context.response().putHeader("Content-Type", "application/zip")
                    .putHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                    .sendFile(zip.toString());
        }

        /**
         * The trials no other beats in both validation error and the query's objective, most accurate first. The
         * ranking is read in pages in error order, so one pass keeps each trial smaller than all before it.
         */
        void paretoFront(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            SecondObjective objective = ParetoFrontQuery.objective(context.queryParams(), record);
            List<ObjectNode> front = new ArrayList<>();
            double smallest = Double.POSITIVE_INFINITY;
            for (Iterator<TrialRow> rows = ranking(record).iterator(); rows.hasNext(); ) {
                TrialRow row = rows.next();
                // A trial the search did not measure (refused by a counted constraint) has no value to place.
                OptionalDouble value = objective.of(row.cost());
                if (row.validationError().isPresent() && value.isPresent() && value.getAsDouble() < smallest) {
                    smallest = value.getAsDouble();
                    ObjectNode point = ApiViews.trial(row);
                    point.put("value", smallest);
                    front.add(point);
                }
            }
            ApiResponses.json(context, 200, Map.of("objective", objective.id(), "trials", front));
        }

        /** The scheduler's rungs and a page of the trials it pruned ({@link EarlyStoppingView}). */
        void earlyStopping(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            ApiResponses.json(context, 200, EarlyStoppingView.of(record, store,
                    TrialListingQuery.parse(context.queryParams())));
        }

        /** Axes for the searched parameters and a bounded, evenly spread sample of completed trials as lines. */
        void parallelCoordinates(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            int lines = TrialListingQuery.integer(context.queryParams(), "limit", ParallelCoordinatesView.DEFAULT_LINES,
                    1, TrialQuery.MAX_LIMIT);
            ApiResponses.json(context, 200, ParallelCoordinatesView.of(record, store, searched(record), lines));
        }

        /** The latest parameter importance; a newer one is computed in the background ({@link ParameterImportances}). */
        void parameterImportance(RoutingContext context) {
            ApiResponses.json(context, 200, importances.of(experiment(context)));
        }

        /** What the best model learned, following test image {@code ?image=} ({@link BestModelInsight}). */
        void insight(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            int image = TrialListingQuery.integer(context.queryParams(), "image", 0, 0, Integer.MAX_VALUE);
            TrialRow best = best(context, record);
            ApiResponses.json(context, 200, insight.of(record, best, experiments.checkpointOf(record.id(),
                    best.trialIndex()), () -> experiments.preparedData(SearchDefinitionParser.parse(
                    record.definitionJson())), image));
        }

        void provenance(RoutingContext context) {
            ExperimentRecord record = experiment(context);
            ApiResponses.json(context, 200, Provenance.of(record, best(context, record)));
        }

        /**
         * The trial with the lowest validation error that has a model, within the request's limits when it sets any
         * ({@link BestModelQuery}): "the most accurate model under N parameters / M ms". It is looked for among the
         * {@link #MODEL_CANDIDATES} best such trials: a file check per trial, so a request never checks a hundred
         * thousand files (an experiment whose best trials all lack a model has lost its models, not misplaced one).
         */
        private TrialRow best(RoutingContext context, ExperimentRecord record) {
            BestModelQuery limits = BestModelQuery.of(context.queryParams());
            return ranking(record)
                    .filter(row -> row.validationError().isPresent() && limits.admit(row.cost()))
                    .limit(MODEL_CANDIDATES)
                    .filter(row -> Files.isRegularFile(experiments.checkpointOf(record.id(), row.trialIndex())))
                    .findFirst()
                    .orElseThrow(() -> new ApiProblem(404, "Not Found", "experiment " + record.id()
                            + " has no trained model " + (limits.isEmpty() ? "yet" : limits.describe())
                            + " among its " + MODEL_CANDIDATES + " best trials"));
        }

        /** The experiment's trials in ranking order (validation error, ties by index), a page read at a time. */
        private Stream<TrialRow> ranking(ExperimentRecord record) {
            return TrialPages.all(store, record.id(), TrialSort.VALIDATION_ERROR);
        }

        private ExperimentRecord experiment(RoutingContext context) {
            String id = context.pathParam("id");
            return store.experiment(id).orElseThrow(() -> ApiProblem.notFound("experiment " + id));
        }

        private static int trialIndex(RoutingContext context) {
            try {
                return Integer.parseInt(context.pathParam("trial"));
            } catch (NumberFormatException e) {
                throw new ApiProblem(400, "Bad Request", "the trial number must be an integer");
            }
        }

        private Object view(ExperimentRecord record) {
            // The sequence before the counts: a page that applies the events after it on top misses nothing.
            long lastSequence = store.lastSequence(record.id());
            return ApiViews.experiment(record, store.progress(record.id()), lastSequence,
                    experiments.isRunning(record.id()), experiments.finalModel(record.id()));
        }
    }
}
