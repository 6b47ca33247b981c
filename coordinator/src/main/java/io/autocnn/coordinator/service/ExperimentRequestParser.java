package io.autocnn.coordinator.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.workers.data.DatasetCatalog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Turns a create-experiment body into an {@link ExperimentRequest}: malformed JSON is a 400 with line and column,
 * an unknown field a 400 naming it, and every semantic error (types, ranges, names, the space itself, a dataset path
 * leaving the dataset root) is collected into one 422 listing each violation with its JSON path.
 */
public final class ExperimentRequestParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    static final Set<String> TOP = Set.of("name", "space", "dataset", "sampler", "scheduler", "rungs",
            "budget", "seed");
    static final Set<String> DATASET = Set.of("name", "path", "limit", "testLimit", "validationFraction",
            "imageHeight", "imageWidth", "channels");
    /** Folder images are resized to between these sizes: smaller cannot hold a conv block, larger will not train here. */
    static final int MIN_IMAGE_SIDE = 8;
    static final int MAX_IMAGE_SIDE = 512;
    static final Set<String> BUDGET = Set.of("maxTrials", "maxWallTimeSeconds", "maxConcurrent",
            "maxFailedTrials");
    private static final int MAX_TRIALS = 1_000_000;
    private static final long MAX_WALL_SECONDS = 30L * 24 * 3600;

    private ExperimentRequestParser() {
    }

    /** A stored definition: it always names its concurrency. */
    public static ExperimentRequest parse(String body) {
        return parse(body, 1);
    }

    /** A request; {@code defaultConcurrent} trials at once unless it sets {@code budget.maxConcurrent}. */
    public static ExperimentRequest parse(String body, int defaultConcurrent) {
        JsonNode root;
        try {
            root = JSON.readTree(body == null ? "" : body);
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "Malformed JSON", e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw new ApiProblem(400, "Malformed JSON", "the body must be a JSON object");
        }
        rejectUnknown(root, TOP, "$");
        Fields fields = new Fields();
        JsonNode dataset = root.path("dataset");
        JsonNode budget = root.path("budget");
        if (dataset.isObject()) {
            rejectUnknown(dataset, DATASET, "$.dataset");
        } else {
            fields.violations.add(new SpecViolation("$.dataset", "required: an object with at least a name"));
        }
        if (budget.isObject()) {
            rejectUnknown(budget, BUDGET, "$.budget");
        } else if (!budget.isMissingNode()) {
            fields.violations.add(new SpecViolation("$.budget", "must be an object"));
        }

        String name = fields.text(root, "name", "$.name", "experiment");
        if (name.length() > 200) {
            fields.violations.add(new SpecViolation("$.name", "at most 200 characters"));
        }
        JsonNode space = root.path("space");
        checkSpace(space, fields.violations);
        DatasetRequest data = new DatasetRequest(
                fields.choice(dataset, "name", "$.dataset.name", null, DatasetCatalog.NAMES),
                safeRelativePath(fields.text(dataset, "path", "$.dataset.path", ""), fields.violations),
                fields.integer(dataset, "limit", "$.dataset.limit", 0, 0, MAX_TRIALS * 100L).intValue(),
                fields.integer(dataset, "testLimit", "$.dataset.testLimit", 0, 0, MAX_TRIALS * 100L).intValue(),
                fields.fraction(dataset, "validationFraction", "$.dataset.validationFraction", 0.1),
                fields.integer(dataset, "imageHeight", "$.dataset.imageHeight", 28, MIN_IMAGE_SIDE, MAX_IMAGE_SIDE)
                        .intValue(),
                fields.integer(dataset, "imageWidth", "$.dataset.imageWidth", 28, MIN_IMAGE_SIDE, MAX_IMAGE_SIDE)
                        .intValue(),
                channels(fields.integer(dataset, "channels", "$.dataset.channels", 1, 1, 3).intValue(),
                        fields.violations));
        ExperimentRequest request = new ExperimentRequest(name, space, data,
                fields.choice(root, "sampler", "$.sampler", "tpe", Samplers.NAMES),
                fields.choice(root, "scheduler", "$.scheduler", "asha", Schedulers.NAMES),
                fields.integer(root, "rungs", "$.rungs", 4, 1, 8).intValue(),
                fields.integer(budget, "maxTrials", "$.budget.maxTrials", 100, 1, MAX_TRIALS).intValue(),
                fields.integer(budget, "maxWallTimeSeconds", "$.budget.maxWallTimeSeconds", 600, 1, MAX_WALL_SECONDS),
                fields.integer(budget, "maxConcurrent", "$.budget.maxConcurrent", defaultConcurrent, 1, 64).intValue(),
                fields.integer(budget, "maxFailedTrials", "$.budget.maxFailedTrials", 10, 0, MAX_TRIALS).intValue(),
                fields.integer(root, "seed", "$.seed", 1, Long.MIN_VALUE, Long.MAX_VALUE));
        if (!fields.violations.isEmpty()) {
            throw new ApiProblem(422, "Invalid experiment", fields.violations.size()
                    + " problem(s) in the request", fields.violations);
        }
        return request;
    }

    private static int channels(int channels, List<SpecViolation> violations) {
        if (channels == 2) {
            violations.add(new SpecViolation("$.dataset.channels", "must be 1 (gray) or 3 (colour), got 2"));
        }
        return channels;
    }

    private static void checkSpace(JsonNode space, List<SpecViolation> violations) {
        if (!space.isObject()) {
            violations.add(new SpecViolation("$.space", "required: the search space as a JSON object"));
            return;
        }
        try {
            SpaceFile.parse(space.toString(), "space.json", false);
        } catch (InvalidSpaceException e) {
            for (SpecViolation violation : e.violations()) {
                violations.add(new SpecViolation("$.space" + violation.path().substring(1), violation.message()));
            }
        }
    }

    /**
     * A dataset path must stay under the dataset root: relative, and no {@code ..} segment. The service resolves it
     * against its root; nothing here ever touches the file system.
     */
    private static String safeRelativePath(String path, List<SpecViolation> violations) {
        if (path.isEmpty()) {
            return path;
        }
        Path parsed;
        try {
            parsed = Path.of(path);
        } catch (RuntimeException e) {
            violations.add(new SpecViolation("$.dataset.path", "not a valid path"));
            return "";
        }
        boolean escapes = parsed.isAbsolute() || path.startsWith("~") || path.contains("\0");
        for (Path part : parsed) {
            escapes |= part.toString().equals("..");
        }
        if (escapes) {
            violations.add(new SpecViolation("$.dataset.path", "must be a relative path under the dataset root, "
                    + "without '..'"));
            return "";
        }
        return parsed.normalize().toString();
    }

    private static void rejectUnknown(JsonNode object, Set<String> known, String at) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                throw new ApiProblem(400, "Unknown field", "unknown field " + at + "." + field + "; known: "
                        + known.stream().sorted().toList());
            }
        }
    }

    /** Reads typed fields with defaults, collecting every violation instead of stopping at the first. */
    private static final class Fields {
        final List<SpecViolation> violations = new ArrayList<>();

        String text(JsonNode object, String field, String path, String fallback) {
            JsonNode value = object.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return fallback == null ? missing(path) : fallback;
            }
            if (!value.isTextual()) {
                violations.add(new SpecViolation(path, "must be a string"));
                return fallback == null ? "" : fallback;
            }
            return value.asText();
        }

        String choice(JsonNode object, String field, String path, String fallback, List<String> allowed) {
            String value = text(object, field, path, fallback);
            if (!value.isEmpty() && !allowed.contains(value)) {
                violations.add(new SpecViolation(path, "must be one of " + allowed + ", got '" + value + "'"));
            }
            return value;
        }

        Long integer(JsonNode object, String field, String path, long fallback, long min, long max) {
            JsonNode value = object.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < min
                    || value.asLong() > max) {
                violations.add(new SpecViolation(path, "must be an integer from " + min + " to " + max));
                return fallback;
            }
            return value.asLong();
        }

        double fraction(JsonNode object, String field, String path, double fallback) {
            JsonNode value = object.path(field);
            if (value.isMissingNode() || value.isNull()) {
                return fallback;
            }
            if (!value.isNumber() || !(value.asDouble() > 0 && value.asDouble() < 1)) {
                violations.add(new SpecViolation(path, "must be a number strictly between 0 and 1"));
                return fallback;
            }
            return value.asDouble();
        }

        private String missing(String path) {
            violations.add(new SpecViolation(path, "required"));
            return "";
        }
    }
}
