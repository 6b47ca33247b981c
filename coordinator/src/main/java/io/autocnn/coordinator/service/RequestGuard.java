package io.autocnn.coordinator.service;

import io.autocnn.coordinator.service.AccessTokens.Access;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The first handler of every request: the Host header must name this service (so a web page on another site cannot
 * reach it through DNS rebinding), a browser request from another origin is refused (no CORS is ever granted), and
 * with an access token every call but the public ones must carry a credential that allows it ({@link AccessTokens}).
 */
final class RequestGuard implements Handler<RoutingContext> {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /** What holds no experiment data: the page's own files, the health check, the API's contract. */
    private static final Set<String> PUBLIC_PATHS = Set.of("/", "/health", "/openapi.yaml");
    private static final String PUBLIC_PREFIX = "/ui/";

    private final Set<String> allowedHosts = new HashSet<>();
    private final AccessTokens access;

    RequestGuard(ServiceOptions options, int port) {
        for (String host : List.of(options.host(), "127.0.0.1", "localhost", "[::1]")) {
            allowedHosts.add(host + ":" + port);
        }
        options.extraHosts().forEach(host -> allowedHosts.add(host.contains(":") ? host : host + ":" + port));
        this.access = options.access();
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
        Access needed = needed(context);
        Access held = needed == Access.NONE ? Access.NONE : held(context);
        if (held.compareTo(needed) < 0) {
            context.response().putHeader("WWW-Authenticate", "Bearer");
            String detail = held == Access.READ
                    ? "the read-only token allows GET and HEAD only; this call needs the service's access token"
                    : needed == Access.FULL
                    ? "this call needs the service's access token as 'Authorization: Bearer <token>'"
                    : "this call needs the service's access token or its read-only token as 'Authorization: Bearer "
                    + "<token>' (the page asks for one and keeps a session cookie)";
            ApiResponses.problem(context, new ApiProblem(held == Access.READ ? 403 : 401,
                    held == Access.READ ? "Forbidden" : "Unauthorized", detail));
            return;
        }
        context.next();
    }

    private Access needed(RoutingContext context) {
        if (!access.required()) {
            return Access.NONE;
        }
        boolean read = READS.contains(context.request().method());
        String path = context.normalizedPath();
        if (read && (PUBLIC_PATHS.contains(path) || path.startsWith(PUBLIC_PREFIX))) {
            return Access.NONE;
        }
        if (context.request().method() == HttpMethod.POST && path.equals(SessionCookie.PATH)) {
            return Access.READ;
        }
        return read ? Access.READ : Access.FULL;
    }

    private Access held(RoutingContext context) {
        String header = context.request().getHeader("Authorization");
        if (header != null && header.startsWith("Bearer ")) {
            return access.ofBearer(header.substring("Bearer ".length()));
        }
        // The cookie is honoured for reads only, so no page elsewhere can make a browser change anything with it.
        Cookie cookie = context.request().getCookie(AccessTokens.SESSION_COOKIE);
        return cookie != null && READS.contains(context.request().method())
                ? access.ofSessionCookie(cookie.getValue()) : Access.NONE;
    }
}
