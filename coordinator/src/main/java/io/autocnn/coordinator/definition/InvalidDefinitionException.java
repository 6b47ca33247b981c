package io.autocnn.coordinator.definition;

import io.autocnn.space.spec.SpecViolation;

import java.util.List;

/**
 * A search definition that cannot be used: not JSON, an unknown field ({@link #malformed()}), or values that break
 * their rules, each violation with its JSON path. The service answers 400 or 422, the command line names the flags.
 */
public final class InvalidDefinitionException extends IllegalArgumentException {

    private final boolean malformed;
    private final List<SpecViolation> violations;

    private InvalidDefinitionException(String message, boolean malformed, List<SpecViolation> violations) {
        super(message);
        this.malformed = malformed;
        this.violations = List.copyOf(violations);
    }

    static InvalidDefinitionException malformed(String message) {
        return new InvalidDefinitionException(message, true, List.of());
    }

    public static InvalidDefinitionException invalid(List<SpecViolation> violations) {
        return new InvalidDefinitionException(violations.size() + " problem(s) in the definition: " + violations,
                false, violations);
    }

    /** True when the input was not a definition at all (syntax, unknown field); false for bad values. */
    public boolean malformed() {
        return malformed;
    }

    public List<SpecViolation> violations() {
        return violations;
    }
}
