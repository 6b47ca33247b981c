package io.autocnn.workers.dispatch;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.TrialResult;

import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * What a Spark task sends back: the trial's result (as JSON, since records with {@code Optional} fields are not
 * Java-serializable), the trained model's zip, and where and in which attempt it ran.
 *
 * @param model the model zip written at the end of the run; empty when none was written (build failure, no-op)
 */
public record TrialOutcome(String resultJson, byte[] model, int attempt, String executorId) implements Serializable {

    static TrialOutcome of(TrialResult result, byte[] model, int attempt, String executorId) {
        try {
            return new TrialOutcome(TrialSpecJson.mapper().writeValueAsString(result), model, attempt, executorId);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public TrialResult result() {
        try {
            return TrialSpecJson.mapper().readValue(resultJson, TrialResult.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
