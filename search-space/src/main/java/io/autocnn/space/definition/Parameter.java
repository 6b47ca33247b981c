package io.autocnn.space.definition;

import java.util.Optional;

/**
 * One named, searchable setting of a group (a conv block, a dense layer, or training).
 *
 * @param name   the field it sets, for example {@code filters}
 * @param domain the values it may take
 * @param when   when present, the parameter is only searched if the condition holds
 */
public record Parameter(String name, Domain domain, Optional<Condition> when) {

    public static Parameter of(String name, Domain domain) {
        return new Parameter(name, domain, Optional.empty());
    }
}
