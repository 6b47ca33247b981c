package io.autocnn.space.definition;

import io.autocnn.space.spec.NetworkCost;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What every trained network of a search must fit, declared in the space file's {@code constraints}: at most so many
 * parameters, at most so many multiply-accumulates per image. A candidate that breaks one is never trained.
 *
 * @param maxParameters the largest parameter count allowed ({@link NetworkCost#parameters()})
 * @param maxMacs       the most multiply-accumulates per image allowed ({@link NetworkCost#macs()})
 */
public record Constraints(OptionalLong maxParameters, OptionalLong maxMacs) {

    public static final Constraints NONE = new Constraints(OptionalLong.empty(), OptionalLong.empty());

    public Constraints {
        if (maxParameters == null || maxMacs == null) {
            throw new IllegalArgumentException("use OptionalLong.empty() for a constraint not declared");
        }
    }

    public boolean isEmpty() {
        return maxParameters.isEmpty() && maxMacs.isEmpty();
    }

    /** The constraints in words, e.g. "at most 20,000 parameters"; empty text when there are none. */
    public String describe() {
        java.util.List<String> parts = new java.util.ArrayList<>();
        maxParameters.ifPresent(n -> parts.add(String.format(Locale.ROOT, "at most %,d parameters", n)));
        maxMacs.ifPresent(n -> parts.add(String.format(Locale.ROOT, "at most %,d multiply-accumulates per image", n)));
        return String.join(", ", parts);
    }

    /** The first constraint {@code cost} breaks, in words with both numbers; empty when it meets them all. */
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
}
