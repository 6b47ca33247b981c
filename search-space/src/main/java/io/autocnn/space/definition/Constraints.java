package io.autocnn.space.definition;

import io.autocnn.space.spec.CandidateCost;
import io.autocnn.space.spec.NetworkCost;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What every trained network of a search must fit, declared in the space file's {@code constraints}. A candidate that
 * breaks one is never trained. Parameters and MACs are counted from the specification; latency is measured on this
 * machine and training memory estimated by DL4J, each only when a constraint (or the second objective) asks for it.
 *
 * @param maxParameters       the largest parameter count allowed ({@link NetworkCost#parameters()})
 * @param maxMacs             the most multiply-accumulates per image allowed ({@link NetworkCost#macs()})
 * @param maxLatencyMs        the most milliseconds per image at batch 1, measured after a warm-up
 * @param maxTrainingMemoryMb the most off-heap memory (binary megabytes) training at the candidate's batch size may
 *                            take, by DL4J's memory report
 * @param latencyBatch        the larger batch size latency is also measured at (recorded, not limited)
 */
public record Constraints(OptionalLong maxParameters, OptionalLong maxMacs, OptionalDouble maxLatencyMs,
                          OptionalLong maxTrainingMemoryMb, int latencyBatch) {

    /** The batch latency is measured at besides batch 1, unless the space file says otherwise. */
    public static final int DEFAULT_LATENCY_BATCH = 32;

    public static final Constraints NONE = new Constraints(OptionalLong.empty(), OptionalLong.empty());

    public Constraints {
        if (maxParameters == null || maxMacs == null || maxLatencyMs == null || maxTrainingMemoryMb == null) {
            throw new IllegalArgumentException("use an empty optional for a constraint not declared");
        }
        if (latencyBatch < 1) {
            throw new IllegalArgumentException("the latency batch must be at least 1, found " + latencyBatch);
        }
    }

    /** Counted constraints only. */
    public Constraints(OptionalLong maxParameters, OptionalLong maxMacs) {
        this(maxParameters, maxMacs, OptionalDouble.empty(), OptionalLong.empty(), DEFAULT_LATENCY_BATCH);
    }

    public boolean isEmpty() {
        return maxParameters.isEmpty() && maxMacs.isEmpty() && !needsLatency() && !needsTrainingMemory();
    }

    /** Whether a candidate's latency must be measured to check it. */
    public boolean needsLatency() {
        return maxLatencyMs.isPresent();
    }

    /** Whether a candidate's training memory must be estimated to check it. */
    public boolean needsTrainingMemory() {
        return maxTrainingMemoryMb.isPresent();
    }

    /** The constraints in words, e.g. "at most 20,000 parameters"; empty text when there are none. */
    public String describe() {
        List<String> parts = new ArrayList<>();
        maxParameters.ifPresent(n -> parts.add(String.format(Locale.ROOT, "at most %,d parameters", n)));
        maxMacs.ifPresent(n -> parts.add(String.format(Locale.ROOT, "at most %,d multiply-accumulates per image", n)));
        maxLatencyMs.ifPresent(ms -> parts.add(String.format(Locale.ROOT, "at most %s ms per image at batch 1", ms)));
        maxTrainingMemoryMb.ifPresent(mb -> parts.add(String.format(Locale.ROOT, "at most %,d MB to train", mb)));
        return String.join(", ", parts);
    }

    /**
     * The first counted constraint {@code cost} breaks, in words with both numbers; empty when it meets them all. A
     * candidate that breaks one is refused before anything about it is measured.
     */
    public Optional<String> brokenBy(NetworkCost cost) {
        if (maxParameters.isPresent() && cost.parameters() > maxParameters.getAsLong()) {
            return Optional.of(String.format(Locale.ROOT, "breaks constraint maxParameters: %,d parameters, at most "
                    + "%,d allowed", cost.parameters(), maxParameters.getAsLong()));
        }
        if (maxMacs.isPresent() && cost.macs() > maxMacs.getAsLong()) {
            return Optional.of(String.format(Locale.ROOT, "breaks constraint maxMacs: %,d multiply-accumulates per "
                    + "image, at most %,d allowed", cost.macs(), maxMacs.getAsLong()));
        }
        return Optional.empty();
    }

    /**
     * The first constraint {@code cost} breaks, counted ones first; empty when it meets them all. A declared
     * constraint whose figure was not measured (the measuring failed) counts as broken: it cannot be held to it.
     */
    public Optional<String> brokenBy(CandidateCost cost) {
        Optional<String> counted = brokenBy(cost.counted());
        if (counted.isPresent()) {
            return counted;
        }
        if (needsLatency()) {
            if (cost.latency().isEmpty()) {
                return notMeasured("latency", "maxLatencyMs");
            }
            double ms = cost.latency().get().msPerImage();
            if (ms > maxLatencyMs.getAsDouble()) {
                return Optional.of(String.format(Locale.ROOT, "breaks constraint maxLatencyMs: %.3f ms per image at "
                        + "batch 1, at most %s allowed", ms, maxLatencyMs.getAsDouble()));
            }
        }
        if (needsTrainingMemory()) {
            if (cost.trainingBytes().isEmpty()) {
                return notMeasured("training memory", "maxTrainingMemoryMb");
            }
            long bytes = cost.trainingBytes().getAsLong();
            if (bytes > maxTrainingMemoryMb.getAsLong() << 20) {
                return Optional.of(String.format(Locale.ROOT, "breaks constraint maxTrainingMemoryMb: %,.0f MB to "
                        + "train, at most %,d allowed", bytes / (double) (1 << 20), maxTrainingMemoryMb.getAsLong()));
            }
        }
        return Optional.empty();
    }

    private static Optional<String> notMeasured(String figure, String constraint) {
        return Optional.of("could not be measured, so cannot be held to the constraints: the candidate's " + figure
                + " was not measured (" + constraint + ")");
    }
}
