package io.autocnn.coordinator.service;

import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.SpecViolation;
import io.vertx.core.MultiMap;

import java.util.List;

/**
 * The Pareto-front endpoint's query: {@code ?objective=params|macs}, the objective set against validation error; by
 * default the experiment's own second objective, or parameters when it has none.
 */
final class ParetoFrontQuery {

    static final String OBJECTIVE = "objective";

    private ParetoFrontQuery() {
    }

    static SecondObjective objective(MultiMap params, ExperimentRecord record) {
        String raw = params.get(OBJECTIVE);
        if (raw == null) {
            return SearchDefinitionParser.parse(record.definitionJson()).secondObjective()
                    .orElse(SecondObjective.PARAMS);
        }
        if (SecondObjective.NONE.equals(raw) || !SecondObjective.NAMES.contains(raw)) {
            throw new ApiProblem(400, "Bad query", "invalid query parameters", List.of(new SpecViolation(OBJECTIVE,
                    "must be one of " + SecondObjective.NAMES.subList(1, SecondObjective.NAMES.size()))));
        }
        return SecondObjective.parse(raw).orElseThrow();
    }
}
