package io.autocnn.coordinator.service;

import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The first handler of every request: the Host header must name this service (so a web page on another site cannot
 * reach it through DNS rebinding), a browser request from another origin is refused (no CORS is ever granted), and
 * with an access token every mutating call must carry it.
 */
final class RequestGuard implements Handler<RoutingContext> {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    private final Set<String> allowedHosts = new HashSet<>();
    private final Optional<byte[]> token;

    RequestGuard(ServiceOptions options, int port) {
        for (String host : List.of(options.host(), "127.0.0.1", "localhost", "[::1]")) {
            allowedHosts.add(host + ":" + port);
        }
        options.extraHosts().forEach(host -> allowedHosts.add(host.contains(":") ? host : host + ":" + port));
        this.token = options.token().map(t -> t.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void handle(RoutingContext context) {
        // host() is the Host header on HTTP/1.1 and the :authority on HTTP/2.
        String host = context.request().host();
        if (host == null || !allowedHosts.contains(host.toLowerCase(java.util.Locale.ROOT))) {
            ApiResponses.problem(context, new ApiProblem(403, "Forbidden", "Host '" + host + "' is not this service; "
                    + "allowed: " + allowedHosts.stream().sorted().toList()));
            return;
        }
        String origin = context.request().getHeader("Origin");
        if (origin != null && !allowedHosts.contains(origin.replaceFirst("^https?://", ""))) {
            ApiResponses.problem(context, new ApiProblem(403, "Forbidden", "cross-origin requests are not allowed"));
            return;
        }
        if (token.isPresent() && !READS.contains(context.request().method()) && !carriesToken(context)) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            ApiResponses.problem(context, new ApiProblem(401, "Unauthorized",
                    "this call needs the service's access token as 'Authorization: Bearer <token>'"));
            return;
        }
        context.next();
    }

    private boolean carriesToken(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        return header != null && header.startsWith("Bearer ") && MessageDigest.isEqual(
                header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8), token.get());
    }
}
