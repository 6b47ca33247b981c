package io.autocnn.space.objective;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.InferenceLatency;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A second objective, minimised next to validation error: the search then pursues both (its samplers and ASHA rank
 * trials by {@link ParetoRanking}) and reports their Pareto front.
 */
public enum SecondObjective {
    /** Trainable parameters: smaller networks are cheaper to store and ship. */
    PARAMS("parameters"),
    /** Multiply-accumulates per image: a machine-independent measure of inference time. */
    MACS("multiply-accumulates per image"),
    /** Milliseconds per image at batch 1, measured on this machine: what a service answering one request waits. */
    LATENCY("milliseconds per image at batch 1");

    /** The definition's and the command line's value for no second objective. */
    public static final String NONE = "none";
    /** What the definition and the command line take: {@link #NONE} or an objective's {@link #id()}. */
    public static final List<String> NAMES = java.util.stream.Stream.concat(java.util.stream.Stream.of(NONE),
            Arrays.stream(values()).map(SecondObjective::id)).toList();

    private final String description;

    SecondObjective(String description) {
        this.description = description;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String description() {
        return description;
    }

    /** Whether a candidate's value must be measured on this machine rather than counted from its specification. */
    public boolean isMeasured() {
        return this == LATENCY;
    }

    /** This objective's value for a network of {@code cost}; empty when it is measured and {@code cost} lacks it. */
    public OptionalDouble of(CandidateCost cost) {
        return switch (this) {
            case PARAMS -> OptionalDouble.of(cost.parameters());
            case MACS -> OptionalDouble.of(cost.macs());
            case LATENCY -> cost.latency().map(InferenceLatency::msPerImage).map(OptionalDouble::of)
                    .orElse(OptionalDouble.empty());
        };
    }

    /** A value of this objective as text: whole counts with separators, milliseconds to the microsecond. */
    public String format(double value) {
        return this == LATENCY ? String.format(Locale.ROOT, "%.3f ms", value) : String.format(Locale.ROOT, "%,.0f",
                value);
    }

    /**
     * How much a value counts in {@link ParetoRanking}'s crowding distance: costs spread over orders of magnitude, so
     * their logarithm, which makes a network twice as large as far from one half its size.
     */
    public static double rankingScale(double value) {
        return Math.log10(1 + value);
    }

    /** The objective named {@code id}, empty for {@link #NONE}; IllegalArgumentException for anything else. */
    public static Optional<SecondObjective> parse(String id) {
        if (NONE.equals(id)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(values()).filter(o -> o.id().equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown second objective '" + id + "'; choose one of " + NAMES)));
    }
}
