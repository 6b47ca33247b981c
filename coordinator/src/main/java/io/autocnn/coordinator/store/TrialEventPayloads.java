package io.autocnn.coordinator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.autocnn.space.spec.InferenceLatency;
import io.autocnn.space.spec.OptionalInJson;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.space.trial.EpochMetrics;
import io.autocnn.space.trial.FailureCause;

import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** The JSON payloads of {@link TrialEvent}s, written by the search and read by the store's projections. */
public final class TrialEventPayloads {

    /**
     * CREATED: the sampled parameters, the specification they give (at full epochs), the trial it derives from, and
     * its parameter count and multiply-accumulates per image as counted from the specification (so a trial shows
     * its size before its first epoch), and what the search measured of it (latency, training memory) when it
     * needed them; all but the first two are optional in JSON: events stored before they were recorded have none
     * (0 or empty).
     */
    public record Created(Map<String, Object> parameters, TrialSpec spec, @OptionalInJson OptionalInt parent,
                          @OptionalInJson long parameterCount, @OptionalInJson long macs,
                          @OptionalInJson Optional<InferenceLatency> latency,
                          @OptionalInJson OptionalLong trainingBytes) {

        /** A trial derived from no other, its size not counted. */
        public Created(Map<String, Object> parameters, TrialSpec spec) {
            this(parameters, spec, OptionalInt.empty(), 0, 0, Optional.empty(), OptionalLong.empty());
        }
    }

    /** STARTED: the run's target epochs and whether it continues from the trial's checkpoint. */
    public record Started(double targetEpochs, boolean resume) {
    }

    /** PAUSED, COMPLETED, PRUNED, FAILED, CANCELLED: how the run ended. */
    public record Ended(double epochsTrained, long parameterCount, Optional<FailureCause> failureCause,
                       String message, double seconds) {
    }

    private TrialEventPayloads() {
    }

    public static String write(Object payload) {
        try {
            return TrialSpecJson.mapper().writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Created created(String json) {
        return read(json, Created.class);
    }

    public static InferenceLatency latency(String json) {
        return read(json, InferenceLatency.class);
    }

    public static Started started(String json) {
        return read(json, Started.class);
    }

    public static EpochMetrics epoch(String json) {
        return read(json, EpochMetrics.class);
    }

    public static Ended ended(String json) {
        return read(json, Ended.class);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return TrialSpecJson.mapper().readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("corrupt " + type.getSimpleName() + " payload: " + e.getOriginalMessage(), e);
        }
    }
}
