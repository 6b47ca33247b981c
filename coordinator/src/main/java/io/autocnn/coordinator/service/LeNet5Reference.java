package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionJson;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.RandomSampler;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;

/**
 * The experiment that trains the hand-built LeNet-5 once on another experiment's data, as the compare view's
 * reference: the same dataset (split, limits, augmentation), seed, wall-clock limit and concurrency; one trial, the
 * LeNet-5 specification tried first (a seed trial) for as many epochs as the other space trains at most; FIFO, so
 * nothing stops it early; no constraints and no second objective, so nothing refuses it.
 */
final class LeNet5Reference {

    static final String NAME_PREFIX = "LeNet-5 reference for ";
    private static final int MAX_NAME = 200;
    /** Stops nothing early. */
    private static final String FIFO = "fifo";

    private LeNet5Reference() {
    }

    static SearchDefinition of(SearchDefinition original) {
        ObjectNode root = SearchDefinitionJson.toJson(original);
        String name = NAME_PREFIX + original.name();
        root.put("name", name.length() <= MAX_NAME ? name : name.substring(0, MAX_NAME));
        ObjectNode space = (ObjectNode) original.space().deepCopy();
        space.remove("constraints");
        root.set("space", space);
        root.put("sampler", RandomSampler.NAME).put("scheduler", FIFO)
                .put("secondObjective", SecondObjective.NONE);
        ((ObjectNode) root.get("budget")).put("maxTrials", 1).put("finalTrainingShare", 0);
        TrialSpec lenet = LeNet5.spec();
        lenet = lenet.withTraining(lenet.training().withEpochs(original.parsedSpace().maxEpochs()));
        root.putArray("seedTrials").add(TrialSpecJson.mapper().valueToTree(lenet));
        return SearchDefinitionParser.parse(root.toString(), original.maxConcurrent());
    }
}
