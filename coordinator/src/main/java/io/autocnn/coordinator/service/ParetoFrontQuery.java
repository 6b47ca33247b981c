package io.autocnn.coordinator.service;

import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.SpecViolation;
import io.vertx.core.MultiMap;

import java.util.List;

/**
 * The Pareto-front endpoint's query: {@code ?objective=params|macs|latency}, the objective set against validation
 * error; by default the experiment's own second objective, or parameters when it has none. Latency only for an
 * experiment that measured it (its second objective or one of its constraints).
 */
final class ParetoFrontQuery {

    static final String OBJECTIVE = "objective";

    private ParetoFrontQuery() {
    }

    static SecondObjective objective(MultiMap params, ExperimentRecord record) {
        String raw = params.get(OBJECTIVE);
        SearchDefinition definition = SearchDefinitionParser.parse(record.definitionJson());
        if (raw == null) {
            return definition.secondObjective().orElse(SecondObjective.PARAMS);
        }
        if (SecondObjective.NONE.equals(raw) || !SecondObjective.NAMES.contains(raw)) {
            throw problem("must be one of " + SecondObjective.NAMES.subList(1, SecondObjective.NAMES.size()));
        }
        SecondObjective objective = SecondObjective.parse(raw).orElseThrow();
        boolean measured = definition.secondObjective().filter(SecondObjective::isMeasured).isPresent()
                || definition.parsedSpace().constraints().needsLatency();
        if (objective.isMeasured() && !measured) {
            throw problem("experiment " + record.id() + " did not measure its trials' latency (it measures it when "
                    + "latency is its second objective or limited by a maxLatencyMs constraint)");
        }
        return objective;
    }

    private static ApiProblem problem(String message) {
        return new ApiProblem(400, "Bad query", "invalid query parameters", List.of(new SpecViolation(OBJECTIVE,
                message)));
    }
}
