package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialSort;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;

import java.util.List;
import java.util.Optional;

/**
 * What the leaderboard's parallel-coordinates plot draws: one axis per searched parameter (per-layer and conditional
 * ones included) with its declared range or choices, and the completed trials as lines, each with its validation
 * error and sampled values. At most {@code lines} trials are sent, spread evenly over the ranking from best to worst,
 * so the plot stays the same size at any number of trials; {@code total} says how many there are.
 */
final class ParallelCoordinatesView {

    static final int DEFAULT_LINES = 500;

    private ParallelCoordinatesView() {
    }

    static ObjectNode of(ExperimentRecord record, TrialStore store, List<SearchedParameter> searched, int lines) {
        ObjectNode view = TrialSpecJson.mapper().createObjectNode();
        view.put("objective", "validationError");
        ArrayNode axes = view.putArray("axes");
        searched.forEach(parameter -> axes.add(axis(parameter)));
        TrialPage sample = store.spread(record.id(), new TrialQuery(TrialSort.VALIDATION_ERROR, false,
                Optional.of(TrialState.COMPLETED), 0, lines));
        view.put("total", sample.total());
        ArrayNode trials = view.putArray("trials");
        for (TrialRow row : sample.rows()) {
            if (row.validationError().isEmpty()) {
                continue;
            }
            ObjectNode line = trials.addObject();
            line.put("trial", row.trialIndex());
            line.put("validationError", row.validationError().getAsDouble());
            line.set("values", TrialSpecJson.mapper().valueToTree(row.parameters()));
        }
        return view;
    }

    private static ObjectNode axis(SearchedParameter parameter) {
        ObjectNode axis = TrialSpecJson.mapper().createObjectNode();
        axis.put("key", parameter.key());
        axis.put("conditional", parameter.conditional());
        Domain domain = parameter.domain();
        if (domain instanceof Domain.IntRange range) {
            axis.put("kind", "range").put("integer", true).put("min", range.min()).put("max", range.max())
                    .put("log", range.log());
        } else if (domain instanceof Domain.FloatRange range) {
            axis.put("kind", "range").put("integer", false).put("min", range.min()).put("max", range.max())
                    .put("log", range.log());
        } else if (domain instanceof Domain.Categorical categorical) {
            axis.put("kind", "choices");
            ArrayNode choices = axis.putArray("choices");
            categorical.choices().forEach(choice -> choices.add(String.valueOf(choice)));
        }
        return axis;
    }
}
