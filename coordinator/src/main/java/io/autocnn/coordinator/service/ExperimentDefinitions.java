package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * An experiment's definition as stored: the create request with every default filled in, in the request's own
 * format, so that reading it back goes through the same validation as a new request.
 */
final class ExperimentDefinitions {

    private ExperimentDefinitions() {
    }

    static String toJson(ExperimentRequest request) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", request.name());
        root.set("space", request.space());
        ObjectNode dataset = root.putObject("dataset");
        dataset.put("name", request.dataset().name());
        dataset.put("path", request.dataset().path());
        dataset.put("limit", request.dataset().limit());
        dataset.put("testLimit", request.dataset().testLimit());
        dataset.put("validationFraction", request.dataset().validationFraction());
        dataset.put("imageHeight", request.dataset().imageHeight());
        dataset.put("imageWidth", request.dataset().imageWidth());
        dataset.put("channels", request.dataset().channels());
        root.put("sampler", request.sampler());
        root.put("scheduler", request.scheduler());
        root.put("rungs", request.rungs());
        ObjectNode budget = root.putObject("budget");
        budget.put("maxTrials", request.maxTrials());
        budget.put("maxWallTimeSeconds", request.maxWallTimeSeconds());
        budget.put("maxConcurrent", request.maxConcurrent());
        budget.put("maxFailedTrials", request.maxFailedTrials());
        root.put("seed", request.seed());
        return root.toString();
    }

    static ExperimentRequest fromJson(String json) {
        return ExperimentRequestParser.parse(json);
    }
}
