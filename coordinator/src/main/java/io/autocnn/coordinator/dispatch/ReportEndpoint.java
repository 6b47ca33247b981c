package io.autocnn.coordinator.dispatch;

import io.autocnn.workers.dispatch.EpochReport;
import io.autocnn.workers.dispatch.ProgressReporter;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The coordinator's internal HTTP endpoint that running tasks post their epochs to. It accepts nothing from a peer
 * that is not one of the application's executors (on a cluster, {@link ExecutorAddresses}) nor without the
 * per-process random token (given to tasks inside their assignment), answers whether the task should stop, and hands
 * each report to a worker thread: the handler takes the search's lock, which must never block the event loop.
 */
final class ReportEndpoint implements AutoCloseable {

    static final String PATH = "/internal/v1/epoch-reports";
    private static final int MAX_BODY_BYTES = 64 * 1024;

    private final Vertx vertx;
    private final HttpServer server;
    private final String host;
    private final String token;

    private ReportEndpoint(Vertx vertx, HttpServer server, String host, String token) {
        this.vertx = vertx;
        this.server = server;
        this.host = host;
        this.token = token;
    }

    /**
     * Listens on {@code host} at {@code port} (0 for a free one) and applies every authorised report with
     * {@code apply}, which returns whether the reporting task should stop. Reports are taken only from peers (IP
     * addresses) {@code executors} accepts; it is asked on the event loop and must answer at once.
     */
    static ReportEndpoint start(String host, int port, Predicate<String> executors, Predicate<EpochReport> apply) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Vertx vertx = Vertx.vertx(new VertxOptions().setWorkerPoolSize(4));
        Router router = Router.router(vertx);
        // The peer and the token are checked (a route of their own: Vert.x wants a route's body handler first) before
        // the body is read, and no body is ever written to disk.
        router.post(PATH).handler(context -> requireExecutor(context, executors));
        router.post(PATH).handler(context -> requireToken(context, token));
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY_BYTES))
                .blockingHandler(context -> handle(context, apply), false);
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(router).listen(port, host)
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new ReportEndpoint(vertx, server, host, token);
        } catch (Exception e) {
            vertx.close();
            throw new SparkUnavailableException("cannot open the report endpoint on " + host + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    String url() {
        return "http://" + host + ":" + server.actualPort() + PATH;
    }

    String token() {
        return token;
    }

    private static void requireExecutor(RoutingContext context, Predicate<String> executors) {
        String peer = context.request().remoteAddress().hostAddress();
        if (!executors.test(peer)) {
            reply(context, 403, "{\"error\":\"reports are taken from this application's executors only, not from "
                    + peer + "\"}");
            return;
        }
        context.next();
    }

    private static void requireToken(RoutingContext context, String token) {
        String offered = context.request().getHeader(ProgressReporter.TOKEN_HEADER);
        if (offered == null || !MessageDigest.isEqual(offered.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            reply(context, 401, "{\"error\":\"missing or wrong report token\"}");
            return;
        }
        context.next();
    }

    private static void handle(RoutingContext context, Predicate<EpochReport> apply) {
        EpochReport report;
        try {
            report = EpochReport.fromJson(context.body().asString());
        } catch (IllegalArgumentException e) {
            reply(context, 400, "{\"error\":" + io.vertx.core.json.Json.encode(e.getMessage()) + "}");
            return;
        }
        boolean stop = apply.test(report);
        reply(context, 200, "{\"stop\":" + stop + "}");
    }

    private static void reply(RoutingContext context, int status, String json) {
        context.response().setStatusCode(status).putHeader("Content-Type", "application/json").end(json);
    }

    @Override
    public void close() {
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, TimeUnit.SECONDS).join();
    }
}
