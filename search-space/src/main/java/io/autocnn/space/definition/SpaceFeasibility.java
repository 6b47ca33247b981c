package io.autocnn.space.definition;

import io.autocnn.space.spec.FeatureMapShapes;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.PoolingType;
import io.autocnn.space.spec.SpecViolation;

import java.util.Comparator;
import java.util.List;

/**
 * Refuses a space in which no candidate could be built for images of a given size: it builds the most lenient
 * candidate (fewest blocks, smallest kernels and strides, "same" padding, no or the smallest pooling) and checks
 * its feature maps. If even that one shrinks below 1x1, every candidate would fail in the CNN builder.
 */
public final class SpaceFeasibility {

    private SpaceFeasibility() {
    }

    public static List<SpecViolation> violations(SearchSpace space, int height, int width) {
        Candidate lenient = space.sample(SpaceFeasibility::mostLenient, 0);
        List<SpecViolation> problems = FeatureMapShapes.violations(lenient.spec(), height, width);
        if (problems.isEmpty()) {
            return List.of();
        }
        return List.of(new SpecViolation("$.convBlocks", "no candidate of this space fits " + height + "x" + width
                + " images: even the most lenient one (" + lenient.spec().summary() + ") fails: "
                + problems.get(0).message()));
    }

    private static Object mostLenient(String key, Domain domain) {
        if (domain instanceof Domain.IntRange range) {
            return range.min();
        }
        if (domain instanceof Domain.FloatRange range) {
            return range.min();
        }
        List<Object> choices = ((Domain.Categorical) domain).choices();
        if (choices.contains(PaddingMode.SAME) || choices.contains(PoolingType.NONE)) {
            return choices.contains(PaddingMode.SAME) ? PaddingMode.SAME : PoolingType.NONE;
        }
        if (choices.get(0) instanceof Number) {
            return choices.stream().min(Comparator.comparingDouble(c -> ((Number) c).doubleValue())).orElseThrow();
        }
        return choices.get(0);
    }
}
