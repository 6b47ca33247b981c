package io.autocnn.space.definition;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One parameter a trial of a space may carry under its key in the trial's parameters, as {@link SearchSpace#sample}
 * names it: {@code convBlocks.depth}, {@code convBlocks[1].filters}, {@code training.learningRate}. Per-layer
 * parameters exist once per layer up to the group's greatest depth; a trial of a shallower network, or one whose
 * condition did not hold, lacks them. Fixed values are not searched and are not listed.
 *
 * @param key         the key in a trial's parameters
 * @param domain      the values it may take (never {@link Domain.Fixed})
 * @param conditional whether some trials lack it (a deeper layer's, or a parameter with a condition)
 */
public record SearchedParameter(String key, Domain domain, boolean conditional) {

    /** Every parameter a trial of {@code space} may carry, in sampling order. */
    public static List<SearchedParameter> of(SearchSpace space) {
        List<SearchedParameter> all = new ArrayList<>();
        layers(space.convBlocks(), SearchSpace.CONV_DEPTH_KEY, "convBlocks", all);
        layers(space.denseLayers(), SearchSpace.DENSE_DEPTH_KEY, "denseLayers", all);
        group(space.head(), "head.", false, all);
        group(space.training(), "training.", false, all);
        return List.copyOf(all);
    }

    /** The one named {@code key}, if the space searches it. */
    public static Optional<SearchedParameter> named(List<SearchedParameter> parameters, String key) {
        return parameters.stream().filter(p -> p.key().equals(key)).findFirst();
    }

    public boolean isNumeric() {
        return domain instanceof Domain.IntRange || domain instanceof Domain.FloatRange;
    }

    /**
     * The position among a categorical parameter's choices of {@code value} as stored or asked for (a number by its
     * value, a name by its text, so {@code "5"}, {@code 5} and {@code 5.0} all find the choice 5); -1 when none.
     */
    public int choiceIndex(Object value) {
        if (!(domain instanceof Domain.Categorical categorical) || value == null) {
            return -1;
        }
        for (int i = 0; i < categorical.choices().size(); i++) {
            Object choice = categorical.choices().get(i);
            if (ValueEquality.same(choice, value) || String.valueOf(choice).equals(String.valueOf(value))
                    || (choice instanceof Number number && value instanceof String text && sameNumber(number, text))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean sameNumber(Number number, String text) {
        try {
            return Double.parseDouble(text) == number.doubleValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static void layers(GroupSpace group, String depthKey, String prefix, List<SearchedParameter> all) {
        Domain.IntRange depth = group.depth().orElseThrow();
        if (depth.min() != depth.max()) {
            all.add(new SearchedParameter(depthKey, depth, false));
        }
        for (int layer = 0; layer < depth.max(); layer++) {
            group(group, prefix + "[" + layer + "].", layer >= depth.min(), all);
        }
    }

    private static void group(GroupSpace group, String prefix, boolean optionalLayer, List<SearchedParameter> all) {
        for (Parameter parameter : group.parameters()) {
            if (!(parameter.domain() instanceof Domain.Fixed)) {
                all.add(new SearchedParameter(prefix + parameter.name(), parameter.domain(),
                        optionalLayer || parameter.when().isPresent()));
            }
        }
    }
}
