package io.autocnn.space.definition;

import io.autocnn.space.spec.TrialSpec;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters a space would have chosen to make a given specification (a known network seeding a search): every
 * parameter the space searches whose condition holds for the specification and whose domain holds its value, under
 * the key {@link SearchSpace#sample} uses. Values outside the space are left out, so a sampler learns from what the
 * space can express and ignores the rest.
 */
final class SpecParameters {

    private SpecParameters() {
    }

    static Map<String, Object> of(SearchSpace space, TrialSpec spec) {
        Map<String, Object> chosen = new LinkedHashMap<>();
        depth(space.convBlocks(), SearchSpace.CONV_DEPTH_KEY, spec.convBlocks().size(), chosen);
        for (int i = 0; i < spec.convBlocks().size(); i++) {
            layer(space.convBlocks(), "convBlocks[" + i + "].", SearchSpace.valuesOf(spec.convBlocks().get(i)), chosen);
        }
        depth(space.denseLayers(), SearchSpace.DENSE_DEPTH_KEY, spec.denseLayers().size(), chosen);
        for (int i = 0; i < spec.denseLayers().size(); i++) {
            layer(space.denseLayers(), "denseLayers[" + i + "].", SearchSpace.valuesOf(spec.denseLayers().get(i)),
                    chosen);
        }
        layer(space.head(), "head.", Map.of("pooling", spec.headPooling()), chosen);
        layer(space.training(), "training.", SearchSpace.valuesOf(spec.training()), chosen);
        return chosen;
    }

    private static void depth(GroupSpace group, String key, int depth, Map<String, Object> chosen) {
        Domain.IntRange range = group.depth().orElseThrow();
        if (range.min() < range.max() && contains(range, depth)) {
            chosen.put(key, depth);
        }
    }

    private static void layer(GroupSpace group, String prefix, Map<String, Object> values, Map<String, Object> chosen) {
        for (Parameter parameter : group.parameters()) {
            Object value = values.get(parameter.name());
            boolean active = parameter.when().map(c -> c.holds(values.get(c.parameter()))).orElse(true);
            if (active && !(parameter.domain() instanceof Domain.Fixed) && contains(parameter.domain(), value)) {
                chosen.put(prefix + parameter.name(), value);
            }
        }
    }

    private static boolean contains(Domain domain, Object value) {
        if (domain instanceof Domain.Categorical categorical) {
            return categorical.choices().stream().anyMatch(choice -> ValueEquality.same(choice, value));
        }
        if (!(value instanceof Number number)) {
            return false;
        }
        double x = number.doubleValue();
        if (domain instanceof Domain.IntRange range) {
            return x == Math.rint(x) && x >= range.min() && x <= range.max();
        }
        return domain instanceof Domain.FloatRange range && x >= range.min() && x <= range.max();
    }
}
