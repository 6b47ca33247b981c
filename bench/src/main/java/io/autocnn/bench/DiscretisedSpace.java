package io.autocnn.bench;

import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.GroupSpace;
import io.autocnn.space.definition.Parameter;
import io.autocnn.space.definition.SearchSpace;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

/**
 * Grid search needs choices. To compare it on the example spaces, every real range becomes a list of
 * {@code values} choices at the centres of equal parts of its unit scale (so log ranges get geometric steps; reals
 * are rounded to two significant digits), and so does every integer range with more values than that; depths and
 * existing choices stay as they are.
 */
final class DiscretisedSpace {

    private DiscretisedSpace() {
    }

    static SearchSpace of(SearchSpace space, int values) {
        return new SearchSpace(space.name() + " (" + values + " values per range)",
                group(space.convBlocks(), values), group(space.denseLayers(), values), group(space.head(), values),
                group(space.training(), values));
    }

    private static GroupSpace group(GroupSpace group, int values) {
        List<Parameter> parameters = group.parameters().stream()
                .map(p -> new Parameter(p.name(), discrete(p.domain(), values), p.when())).toList();
        return new GroupSpace(group.group(), group.depth(), parameters);
    }

    private static Domain discrete(Domain domain, int values) {
        boolean wideInt = domain instanceof Domain.IntRange range && range.size() > values;
        if (!wideInt && !(domain instanceof Domain.FloatRange)) {
            return domain;
        }
        List<Object> choices = new ArrayList<>();
        for (int i = 0; i < values; i++) {
            double unit = (i + 0.5) / values;
            Object value = domain instanceof Domain.IntRange range ? (Object) range.fromUnit(unit)
                    : (Object) new BigDecimal(((Domain.FloatRange) domain).fromUnit(unit))
                            .round(new MathContext(2)).doubleValue();
            if (!choices.contains(value)) {
                choices.add(value);
            }
        }
        return new Domain.Categorical(choices);
    }
}
