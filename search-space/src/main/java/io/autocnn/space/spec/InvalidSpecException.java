package io.autocnn.space.spec;

import java.util.List;
import java.util.stream.Collectors;

/** A trial specification that cannot be trained; lists every violation found, each with its JSON path. */
public class InvalidSpecException extends IllegalArgumentException {

    private final List<SpecViolation> violations;

    public InvalidSpecException(List<SpecViolation> violations) {
        super("invalid trial specification:\n  " + violations.stream()
                .map(SpecViolation::toString)
                .collect(Collectors.joining("\n  ")));
        this.violations = List.copyOf(violations);
    }

    public List<SpecViolation> violations() {
        return violations;
    }
}
