package io.autocnn.coordinator.service;

import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;

/**
 * {@code POST /api/v1/session}: trades a bearer token (checked by {@link RequestGuard}) for the session cookie that
 * lets the leaderboard page read, its event streams included, which cannot carry a header. The cookie is HttpOnly
 * (no script reads it), SameSite=Strict, and ends with the browser session.
 */
final class SessionCookie implements Handler<RoutingContext> {

    static final String PATH = ApiServer.API + "/session";

    private final AccessTokens access;

    SessionCookie(AccessTokens access) {
        this.access = access;
    }

    @Override
    public void handle(RoutingContext context) {
        access.sessionCookie().ifPresent(value -> context.response().addCookie(Cookie
                .cookie(AccessTokens.SESSION_COOKIE, value).setPath("/").setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT)));
        context.response().setStatusCode(204).end();
    }
}
