package io.autocnn.ui;

import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/** {@code application/problem+json} answers, in the same shape as the rest of the API. */
final class Problems {

    private Problems() {
    }

    static void send(RoutingContext context, int status, String title, String detail) {
        if (context.response().ended()) {
            return;
        }
        context.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(new JsonObject().put("type", "about:blank").put("title", title).put("status", status)
                        .put("detail", detail).encode());
    }
}
