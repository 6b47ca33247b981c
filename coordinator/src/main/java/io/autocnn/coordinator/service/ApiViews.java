package io.autocnn.coordinator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.engine.FinalModel;
import io.autocnn.coordinator.store.ExperimentProgress;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/** The JSON shapes the API answers with (described in openapi.yaml). */
final class ApiViews {

    private static final ObjectMapper JSON = TrialSpecJson.mapper();

    private ApiViews() {
    }

    static ObjectNode experiment(ExperimentRecord record, ExperimentProgress progress, long lastSequence,
                                 boolean running, Optional<FinalModel> finalModel) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", record.id());
        node.put("name", record.name());
        node.put("status", record.status().name().toLowerCase(Locale.ROOT));
        node.put("reason", record.reason());
        node.put("running", running);
        node.put("createdAt", record.createdAt().toString());
        node.put("updatedAt", record.updatedAt().toString());
        node.put("lastSequence", lastSequence);
        ObjectNode counts = node.putObject("progress");
        counts.put("trials", progress.trials());
        for (TrialState state : TrialState.values()) {
            counts.put(state.name().toLowerCase(Locale.ROOT), progress.byState().getOrDefault(state, 0L));
        }
        putOptional(counts, "bestValidationError", progress.bestValidationError());
        if (progress.bestTrial().isPresent()) {
            counts.put("bestTrial", progress.bestTrial().getAsInt());
        }
        node.set("definition", definition(record));
        finalModel.ifPresent(model -> {
            ObjectNode trained = node.putObject("finalModel");
            trained.put("trial", model.trial());
            putOptional(trained, "testAccuracy", model.testAccuracy());
            putOptional(trained, "trialTestAccuracy", model.trialTestAccuracy());
            trained.put("epochsTrained", model.epochsTrained());
            trained.put("seconds", model.seconds());
        });
        return node;
    }


    /** Everything the experiment was created with (defaults filled in). */
    static JsonNode definition(ExperimentRecord record) {
        return parse(record.definitionJson());
    }

    static ObjectNode trial(TrialRow row) {
        ObjectNode node = JSON.createObjectNode();
        node.put("trial", row.trialIndex());
        node.put("attempt", row.attempt());
        node.put("state", row.state().name().toLowerCase(Locale.ROOT));
        row.failureCause().ifPresent(cause -> node.put("failureCause", cause.name()));
        node.put("message", row.message());
        node.put("epochsTrained", row.epochsTrained());
        node.put("parameterCount", row.parameterCount());
        node.put("macs", row.macs());
        row.latency().ifPresentOrElse(latency -> node.set("latency", JSON.valueToTree(latency)),
                () -> node.putNull("latency"));
        if (row.trainingBytes().isPresent()) {
            node.put("trainingBytes", row.trainingBytes().getAsLong());
        } else {
            node.putNull("trainingBytes");
        }
        putOptional(node, "trainError", row.trainError());
        putOptional(node, "validationError", row.validationError());
        putOptional(node, "testError", row.testError());
        node.put("seconds", row.seconds());
        node.put("updatedAt", row.updatedAt().toString());
        node.set("parameters", parse(row.parametersJson()));
        node.set("spec", parse(row.specJson()));
        node.put("architecture", row.architecture());
        return node;
    }

    private static void putOptional(ObjectNode node, String field, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(field, value.getAsDouble());
        } else {
            node.putNull(field);
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
