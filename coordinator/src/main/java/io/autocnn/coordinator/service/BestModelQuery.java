package io.autocnn.coordinator.service;

import io.autocnn.space.spec.SpecViolation;
import io.vertx.core.MultiMap;

import java.util.List;
import java.util.OptionalLong;

/** The best-model endpoints' query: {@code ?maxParameters=N}, the most accurate model of at most N parameters. */
final class BestModelQuery {

    static final String MAX_PARAMETERS = "maxParameters";
    /** A trillion, as the space file's constraints allow. */
    static final long MAX_VALUE = 1_000_000_000_000L;

    private BestModelQuery() {
    }

    static OptionalLong maxParameters(MultiMap params) {
        String raw = params.get(MAX_PARAMETERS);
        if (raw == null) {
            return OptionalLong.empty();
        }
        try {
            long value = Long.parseLong(raw);
            if (value >= 1 && value <= MAX_VALUE) {
                return OptionalLong.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ApiProblem(400, "Bad query", "invalid query parameters",
                List.of(new SpecViolation(MAX_PARAMETERS, "must be an integer from 1 to " + MAX_VALUE)));
    }
}
