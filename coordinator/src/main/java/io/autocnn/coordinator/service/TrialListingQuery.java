package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.trial.TrialState;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code ?sort=&order=&state=&offset=&limit=} of a trial listing; every bad value is reported (400). */
final class TrialListingQuery {

    private TrialListingQuery() {
    }

    static TrialQuery parse(MultiMap params) {
        List<SpecViolation> violations = new ArrayList<>();
        TrialSort sort = TrialSort.VALIDATION_ERROR;
        String sortName = params.get("sort");
        if (sortName != null) {
            try {
                sort = TrialSort.valueOf(sortName.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                violations.add(new SpecViolation("sort", "must be one of " + names(TrialSort.values())));
            }
        }
        String order = Optional.ofNullable(params.get("order")).orElse("asc");
        if (!order.equals("asc") && !order.equals("desc")) {
            violations.add(new SpecViolation("order", "must be asc or desc"));
        }
        Optional<TrialState> state = Optional.empty();
        String stateName = params.get("state");
        if (stateName != null) {
            try {
                state = Optional.of(TrialState.valueOf(stateName.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                violations.add(new SpecViolation("state", "must be one of " + names(TrialState.values())));
            }
        }
        int offset = integer(params.get("offset"), "offset", 0, 0, Integer.MAX_VALUE, violations);
        int limit = integer(params.get("limit"), "limit", 50, 1, TrialQuery.MAX_LIMIT, violations);
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "Bad query", "invalid query parameters", violations);
        }
        return new TrialQuery(sort, order.equals("desc"), state, offset, limit);
    }

    private static int integer(String raw, String name, int fallback, int min, int max, List<SpecViolation> found) {
        if (raw == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        found.add(new SpecViolation(name, "must be an integer from " + min + " to " + max));
        return fallback;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT)).toList();
    }
}
