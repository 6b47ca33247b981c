package io.autocnn.coordinator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.autocnn.coordinator.definition.SearchDefinition;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.store.ExperimentRecord;
import io.autocnn.coordinator.store.TrialPage;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.definition.SearchSpace;
import io.autocnn.space.scheduler.AshaScheduler;
import io.autocnn.space.scheduler.Scheduler;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialState;

import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What an experiment's scheduler decided, for the early-stopping view: for ASHA its rungs (epochs, and the share of
 * the training images a rung trains on with the data fidelity), how many trials reached each and were promoted out of
 * it, and the worst validation error promoted (the rung's observed cut-off); and a page of the pruned trials, each
 * with the rung that stopped it and its error there. Read from the scheduler's saved state, which holds every trial's
 * record at every rung, so the page costs one listing query whatever the number of trials.
 */
final class EarlyStoppingView {

    private EarlyStoppingView() {
    }

    /** @param query the page of pruned trials asked for (its state filter is always PRUNED) */
    static ObjectNode of(ExperimentRecord record, TrialStore store, TrialQuery query) {
        SearchDefinition definition = SearchDefinitionParser.parse(record.definitionJson());
        SearchSpace space = definition.parsedSpace();
        Scheduler scheduler = definition.scheduler(space);
        store.searchState(record.id()).ifPresent(state -> {
            try {
                scheduler.restoreState(TrialSpecJson.mapper().readTree(state.schedulerState()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("experiment " + record.id() + "'s saved scheduler state is corrupt",
                        e);
            }
        });
        ObjectNode view = TrialSpecJson.mapper().createObjectNode();
        view.put("scheduler", scheduler.name());
        view.put("fidelity", definition.fidelity().id());
        ArrayNode rungs = view.putArray("rungs");
        Optional<AshaScheduler> asha = scheduler instanceof AshaScheduler a ? Optional.of(a) : Optional.empty();
        asha.ifPresent(a -> {
            view.put("eta", a.eta());
            for (int rung = 0; rung < a.rungs().size(); rung++) {
                rungs.add(rung(a, rung, definition, space.maxEpochs()));
            }
        });
        TrialQuery pruned = new TrialQuery(query.sort(), query.descending(), Optional.of(TrialState.PRUNED),
                query.offset(), query.limit());
        TrialPage page = store.trials(record.id(), pruned);
        ObjectNode stopped = view.putObject("stopped");
        stopped.put("total", page.total());
        stopped.put("offset", pruned.offset());
        stopped.put("limit", pruned.limit());
        ArrayNode trials = stopped.putArray("trials");
        for (TrialRow row : page.rows()) {
            trials.add(stoppedTrial(row, asha));
        }
        return view;
    }

    private static ObjectNode rung(AshaScheduler asha, int rung, SearchDefinition definition, double maxEpochs) {
        double epochs = asha.rungs().get(rung);
        Map<Integer, Double> recorded = asha.recordedAt(rung);
        ObjectNode node = TrialSpecJson.mapper().createObjectNode();
        node.put("rung", rung);
        node.put("epochs", epochs);
        node.put("trainingShare", definition.fidelity().trainingShare(epochs, maxEpochs));
        node.put("reached", recorded.size());
        node.put("promoted", asha.promotedFrom(rung));
        // NaN (a diverged trial) is never promoted, so the worst promoted error is a number or there is none.
        recorded.entrySet().stream().filter(e -> asha.wasPromotedFrom(rung, e.getKey()))
                .mapToDouble(Map.Entry::getValue).max()
                .ifPresentOrElse(cutOff -> node.put("cutOff", cutOff), () -> node.putNull("cutOff"));
        return node;
    }

    /** A pruned trial, with the rung that stopped it and its error there (its last error without rungs). */
    private static ObjectNode stoppedTrial(TrialRow row, Optional<AshaScheduler> asha) {
        ObjectNode node = TrialSpecJson.mapper().createObjectNode();
        node.put("trial", row.trialIndex());
        node.put("architecture", row.architecture());
        node.put("epochsTrained", row.epochsTrained());
        OptionalInt rung = asha.map(a -> a.highestRungOf(row.trialIndex())).orElse(OptionalInt.empty());
        if (rung.isPresent()) {
            node.put("rung", rung.getAsInt());
            node.put("validationError", asha.get().recordedAt(rung.getAsInt()).get(row.trialIndex()));
        } else {
            node.putNull("rung");
            row.validationError().ifPresentOrElse(error -> node.put("validationError", error),
                    () -> node.putNull("validationError"));
        }
        return node;
    }
}
