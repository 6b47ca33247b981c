package io.autocnn.coordinator.definition;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.TrialSpecJson;

/**
 * A definition as stored and shown: the request's own format with every default filled in, so that reading it back
 * goes through the same validation as a new request.
 */
public final class SearchDefinitionJson {

    private SearchDefinitionJson() {
    }


    public static ObjectNode toJson(SearchDefinition definition) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", definition.name());
        root.set("space", definition.space());
        DatasetDefinition data = definition.dataset();
        root.putObject("dataset").put("name", data.name()).put("path", data.path()).put("limit", data.limit())
                .put("testLimit", data.testLimit()).put("validationFraction", data.validationFraction())
                .put("imageHeight", data.imageHeight()).put("imageWidth", data.imageWidth())
                .put("channels", data.channels()).put("scramble", data.scramble())
                .put("scrambleSeed", data.scrambleSeed()).put("augmentShift", data.augmentation().shift())
                .put("augmentFlip", data.augmentation().horizontalFlip())
                .put("augmentErasing", data.augmentation().erasing());
        root.put("sampler", definition.sampler()).put("scheduler", definition.scheduler())
                .put("rungs", definition.rungs()).put("fidelity", definition.fidelity().id())
                .put("secondObjective", definition.secondObjective().map(SecondObjective::id)
                        .orElse(SecondObjective.NONE));
        root.putObject("budget").put("maxTrials", definition.maxTrials())
                .put("maxWallTimeSeconds", definition.maxWallTimeSeconds())
                .put("maxConcurrent", definition.maxConcurrent())
                .put("maxFailedTrials", definition.maxFailedTrials())
                .put("finalTrainingShare", definition.finalTrainingShare());
        root.put("seed", definition.seed());
        if (!definition.seedTrials().isEmpty()) {
            ArrayNode seeds = root.putArray("seedTrials");
            definition.seedTrials().forEach(spec -> seeds.add(TrialSpecJson.mapper().valueToTree(spec)));
        }
        return root;
    }
}
