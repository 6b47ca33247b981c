package io.autocnn.space.definition;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a space file declares for one group: the depth range (for repeated groups) and the searched parameters in
 * file order. Fields it does not mention keep their default.
 *
 * @param group      which group
 * @param depth      how many layers of this group a candidate has (empty for the training group)
 * @param parameters the declared parameters, in the order they are sampled
 */
public record GroupSpace(Group group, Optional<Domain.IntRange> depth, List<Parameter> parameters) {

    public GroupSpace {
        parameters = List.copyOf(parameters);
    }

    /**
     * Samples one layer (or the training settings) of this group: asks the chooser for every active parameter,
     * under keys {@code prefix + name}, and fills the rest with defaults. Returns every field's value by name.
     */
    Map<String, Object> sample(String prefix, ParameterChooser chooser, Map<String, Object> chosen) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field field : group.fields()) {
            values.put(field.name(), field.defaultValue());
        }
        for (Parameter parameter : parameters) {
            Field field = group.field(parameter.name()).orElseThrow();
            boolean active = parameter.when().map(c -> c.holds(values.get(c.parameter()))).orElse(true);
            if (!active) {
                continue;
            }
            Object raw = parameter.domain() instanceof Domain.Fixed fixed ? fixed.value()
                    : chooser.choose(prefix + parameter.name(), parameter.domain());
            if (!(parameter.domain() instanceof Domain.Fixed)) {
                chosen.put(prefix + parameter.name(), raw);
            }
            values.put(parameter.name(), field.kind().coerce(raw).orElseThrow(() -> new IllegalStateException(
                    "sampled value " + raw + " is not " + field.kind().describe() + " for " + prefix + field.name())));
        }
        return values;
    }
}
