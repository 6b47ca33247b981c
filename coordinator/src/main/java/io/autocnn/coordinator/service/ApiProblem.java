package io.autocnn.coordinator.service;

import io.autocnn.space.spec.SpecViolation;

import java.util.List;

/**
 * An error answered as {@code application/problem+json} (RFC 9457): status, a short title, a detail for people, and
 * for invalid requests every violation with its JSON path.
 */
public final class ApiProblem extends RuntimeException {

    private final int status;
    private final String title;
    private final List<SpecViolation> violations;

    public ApiProblem(int status, String title, String detail, List<SpecViolation> violations) {
        super(detail);
        this.status = status;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public ApiProblem(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ApiProblem notFound(String what) {
        return new ApiProblem(404, "Not Found", what + " does not exist");
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<SpecViolation> violations() {
        return violations;
    }
}
