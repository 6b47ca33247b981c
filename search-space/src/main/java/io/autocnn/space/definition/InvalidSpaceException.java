package io.autocnn.space.definition;

import io.autocnn.space.spec.SpecViolation;

import java.util.List;
import java.util.stream.Collectors;

/** A space file that cannot be searched; lists every problem found, each with its JSON path. */
public class InvalidSpaceException extends IllegalArgumentException {

    private final List<SpecViolation> violations;

    public InvalidSpaceException(String source, List<SpecViolation> violations) {
        super("invalid search space " + source + ":\n  " + violations.stream()
                .map(SpecViolation::toString).collect(Collectors.joining("\n  ")));
        this.violations = List.copyOf(violations);
    }

    public List<SpecViolation> violations() {
        return violations;
    }
}
