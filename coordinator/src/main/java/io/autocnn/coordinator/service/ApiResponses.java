package io.autocnn.coordinator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpecJson;
import io.vertx.ext.web.RoutingContext;

/** Writes JSON answers and {@code application/problem+json} errors. */
final class ApiResponses {

    private static final ObjectMapper JSON = TrialSpecJson.mapper();

    private ApiResponses() {
    }

    static void json(RoutingContext context, int status, Object body) {
        try {
            context.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("Cache-Control", "no-store").end(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            problem(context, new ApiProblem(500, "Internal Server Error", "cannot write the answer"));
        }
    }

    static void problem(RoutingContext context, ApiProblem problem) {
        ObjectNode body = JSON.createObjectNode();
        body.put("type", "about:blank");
        body.put("title", problem.title());
        body.put("status", problem.status());
        body.put("detail", problem.getMessage());
        if (!problem.violations().isEmpty()) {
            ArrayNode violations = body.putArray("violations");
            for (SpecViolation violation : problem.violations()) {
                violations.addObject().put("path", violation.path()).put("message", violation.message());
            }
        }
        if (!context.response().ended()) {
            context.response().setStatusCode(problem.status())
                    .putHeader("Content-Type", "application/problem+json").end(body.toString());
        }
    }
}
