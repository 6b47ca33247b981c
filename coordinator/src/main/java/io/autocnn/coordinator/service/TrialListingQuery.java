package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.ParameterFilter;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.trial.TrialState;
import io.vertx.core.MultiMap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads {@code ?sort=&order=&state=&offset=&limit=} of a trial listing, and its {@code where} filters on searched
 * parameters ({@link ParameterFilterQuery}); every bad value is reported (400).
 */
final class TrialListingQuery {

    private TrialListingQuery() {
    }

    /** A listing without parameter filters: a {@code where} is refused. */
    static TrialQuery parse(MultiMap params) {
        return parse(params, List::of);
    }

    /** @param searched the experiment's searched parameters, read only when the query filters on them */
    static TrialQuery parse(MultiMap params, Supplier<List<SearchedParameter>> searched) {
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
        List<String> where = params.getAll(ParameterFilterQuery.PARAMETER);
        List<ParameterFilter> filters = where.isEmpty() ? List.of()
                : ParameterFilterQuery.parse(where, searched.get(), violations);
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "Bad query", "invalid query parameters", violations);
        }
        return new TrialQuery(sort, order.equals("desc"), state, offset, limit, filters);
    }

    /** The integer query parameter {@code name} alone ({@code fallback} when absent); a bad one is a 400. */
    static int integer(MultiMap params, String name, int fallback, int min, int max) {
        List<SpecViolation> violations = new ArrayList<>();
        int value = integer(params.get(name), name, fallback, min, max, violations);
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "Bad query", "invalid query parameters", violations);
        }
        return value;
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
