package io.autocnn.coordinator.service;

import io.autocnn.coordinator.store.ParameterFilter;
import io.autocnn.space.definition.Domain;
import io.autocnn.space.definition.SearchedParameter;
import io.autocnn.space.spec.SpecViolation;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the repeatable {@code where} query parameter of a trial listing, the leaderboard's brushed axes: {@code
 * KEY:MIN..MAX} for a searched range (inclusive), {@code KEY:A,B} for choices, where KEY is a parameter the
 * experiment's space searches ({@code convBlocks[0].filters}, {@code training.optimizer}). Each bad one is reported
 * with its position and why.
 */
final class ParameterFilterQuery {

    static final String PARAMETER = "where";
    /** More filters than searched parameters are never needed; a bound keeps a query's SQL small. */
    static final int MAX_FILTERS = 64;

    private ParameterFilterQuery() {
    }

    static List<ParameterFilter> parse(List<String> raw, List<SearchedParameter> searched,
                                       List<SpecViolation> violations) {
        List<ParameterFilter> filters = new ArrayList<>();
        if (raw.size() > MAX_FILTERS) {
            violations.add(new SpecViolation(PARAMETER, "at most " + MAX_FILTERS + " filters, got " + raw.size()));
            return filters;
        }
        for (int i = 0; i < raw.size(); i++) {
            String field = PARAMETER + "[" + i + "]";
            String text = raw.get(i);
            int colon = text.lastIndexOf(':');
            if (colon <= 0) {
                violations.add(new SpecViolation(field, "must be KEY:MIN..MAX or KEY:CHOICE,CHOICE, got '"
                        + shortened(text) + "'"));
                continue;
            }
            String key = text.substring(0, colon);
            String value = text.substring(colon + 1);
            SearchedParameter parameter = SearchedParameter.named(searched, key).orElse(null);
            if (parameter == null) {
                violations.add(new SpecViolation(field, "'" + shortened(key) + "' is not a parameter this experiment "
                        + "searches; it searches " + searched.stream().map(SearchedParameter::key).toList()));
                continue;
            }
            try {
                filters.add(parameter.isNumeric() ? range(key, value) : choices(parameter, value));
            } catch (IllegalArgumentException e) {
                violations.add(new SpecViolation(field, e.getMessage()));
            }
        }
        return filters;
    }

    private static ParameterFilter range(String key, String value) {
        int dots = value.indexOf("..");
        if (dots < 0) {
            throw new IllegalArgumentException(key + " is a range: give MIN..MAX, got '" + shortened(value) + "'");
        }
        double min = number(key, value.substring(0, dots));
        double max = number(key, value.substring(dots + 2));
        if (min > max) {
            throw new IllegalArgumentException(key + ": MIN must not be above MAX, got " + min + ".." + max);
        }
        return new ParameterFilter.Range(key, min, max);
    }

    private static double number(String key, String text) {
        try {
            double value = Double.parseDouble(text);
            if (Double.isFinite(value)) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(key + ": '" + shortened(text) + "' is not a finite number");
    }

    /** The choices asked for, as the space declares them (so a stored 5 matches the text "5"). */
    private static ParameterFilter choices(SearchedParameter parameter, String value) {
        List<Object> declared = ((Domain.Categorical) parameter.domain()).choices();
        List<Object> chosen = new ArrayList<>();
        for (String name : value.split(",", -1)) {
            int index = parameter.choiceIndex(name.trim());
            if (index < 0) {
                throw new IllegalArgumentException(parameter.key() + ": '" + shortened(name) + "' is not one of its "
                        + "choices " + declared);
            }
            chosen.add(declared.get(index));
        }
        return new ParameterFilter.OneOf(parameter.key(), chosen);
    }

    /** A request's text in a message: at most 80 characters of it. */
    private static String shortened(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
