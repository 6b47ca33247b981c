package io.autocnn.coordinator.definition;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.autocnn.coordinator.search.Fidelity;
import io.autocnn.space.definition.InvalidSpaceException;
import io.autocnn.space.definition.SpaceFile;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.spec.InvalidSpecException;
import io.autocnn.space.spec.SpecViolation;
import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.train.Augmentation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.DoublePredicate;

/**
 * Turns a JSON search definition into a {@link SearchDefinition} by the rules of {@link SearchField}: malformed JSON
 * fails with line and column, an unknown field names itself (both {@link InvalidDefinitionException#malformed()}),
 * and every bad value (types, ranges, names, the space itself, a dataset path leaving the dataset root) is collected
 * into one exception listing each violation with its JSON path. Nothing here touches the file system.
 */
public final class SearchDefinitionParser {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    /** The groups of fields; "space" is the one field not in {@link SearchField}. */
    private static final String SPACE = "space";
    private static final String SEED_TRIALS = "seedTrials";
    /** The fields that hold objects or lists rather than a {@link SearchField}'s single value. */
    public static final Set<String> STRUCTURED_FIELDS = Set.of(SPACE, "dataset", "budget", SEED_TRIALS);

    private SearchDefinitionParser() {
    }

    /** A stored definition: it always names its concurrency. */
    public static SearchDefinition parse(String json) {
        return parse(json, 1);
    }

    /** A definition; {@code defaultConcurrent} trials at once unless it sets {@code budget.maxConcurrent}. */
    public static SearchDefinition parse(String json, int defaultConcurrent) {
        JsonNode root;
        try {
            root = JSON.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw InvalidDefinitionException.malformed(e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr()));
        }
        if (root == null || !root.isObject()) {
            throw InvalidDefinitionException.malformed("the definition must be a JSON object");
        }
        Fields fields = new Fields(root);
        fields.rejectUnknown(root, "", topLevelKeys());
        for (String group : List.of("dataset", "budget")) {
            JsonNode object = root.path(group);
            if (object.isObject()) {
                fields.rejectUnknown(object, group, Set.copyOf(SearchField.keysOf(group)));
            } else if (!object.isMissingNode()) {
                fields.violations.add(new SpecViolation("$." + group, "must be an object"));
            }
        }
        JsonNode space = root.path(SPACE);
        checkSpace(space, fields.violations);
        DatasetDefinition dataset = new DatasetDefinition(
                fields.text(SearchField.DATASET),
                safeRelativePath(fields.text(SearchField.DATASET_PATH), fields.violations),
                (int) fields.integer(SearchField.LIMIT), (int) fields.integer(SearchField.TEST_LIMIT),
                fields.fraction(SearchField.VALIDATION_FRACTION),
                (int) fields.integer(SearchField.IMAGE_HEIGHT), (int) fields.integer(SearchField.IMAGE_WIDTH),
                (int) fields.integer(SearchField.CHANNELS),
                fields.bool(SearchField.SCRAMBLE), fields.integer(SearchField.SCRAMBLE_SEED),
                new Augmentation((int) fields.integer(SearchField.AUGMENT_SHIFT), fields.bool(SearchField.AUGMENT_FLIP),
                        fields.bool(SearchField.AUGMENT_ERASING)));
        DatasetDefinition.refusal(dataset.name(), dataset.augmentation()).ifPresent(reason ->
                fields.violations.add(new SpecViolation(SearchField.AUGMENT_FLIP.jsonPath(), reason)));
        List<TrialSpec> seedTrials = seedTrials(root.path(SEED_TRIALS), fields.violations);
        String fidelityName = fields.text(SearchField.FIDELITY);
        // An unknown name is a violation already, reported below with the others.
        Fidelity fidelity = Fidelity.NAMES.contains(fidelityName) ? Fidelity.of(fidelityName) : Fidelity.EPOCHS;
        String secondName = fields.text(SearchField.SECOND_OBJECTIVE);
        Optional<SecondObjective> second = SecondObjective.NAMES.contains(secondName)
                ? SecondObjective.parse(secondName) : Optional.empty();
        SearchDefinition definition = new SearchDefinition(fields.text(SearchField.NAME), space, dataset,
                fields.text(SearchField.SAMPLER), fields.text(SearchField.SCHEDULER),
                (int) fields.integer(SearchField.RUNGS), fidelity, second,
                (int) fields.integer(SearchField.MAX_TRIALS),
                fields.integer(SearchField.MAX_WALL_TIME_SECONDS),
                (int) fields.integer(SearchField.MAX_CONCURRENT, defaultConcurrent),
                (int) fields.integer(SearchField.MAX_FAILED_TRIALS), fields.integer(SearchField.SEED), seedTrials,
                fields.share(SearchField.FINAL_TRAINING_SHARE));
        if (!fields.violations.isEmpty()) {
            throw InvalidDefinitionException.invalid(fields.violations);
        }
        return definition;
    }

    private static Set<String> topLevelKeys() {
        Set<String> keys = new TreeSet<>(SearchField.keysOf(""));
        keys.addAll(STRUCTURED_FIELDS);
        return keys;
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

    /** Known specifications to try first: each checked as a trial specification, its violations under its path. */
    private static List<TrialSpec> seedTrials(JsonNode node, List<SpecViolation> violations) {
        if (node.isMissingNode() || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > SearchDefinition.MAX_SEED_TRIALS) {
            violations.add(new SpecViolation("$." + SEED_TRIALS, "must be a list of at most "
                    + SearchDefinition.MAX_SEED_TRIALS + " trial specifications"));
            return List.of();
        }
        List<TrialSpec> specs = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String path = "$." + SEED_TRIALS + "[" + i + "]";
            try {
                specs.add(TrialSpecJson.read(node.get(i).toString(), path));
            } catch (InvalidSpecException e) {
                e.violations().forEach(v -> violations.add(new SpecViolation(path + v.path().substring(1),
                        v.message())));
            }
        }
        return specs;
    }

    /** A dataset path must stay under the dataset root: relative, and no {@code ..} segment. */
    private static String safeRelativePath(String path, List<SpecViolation> violations) {
        if (path.isEmpty()) {
            return path;
        }
        Path parsed;
        try {
            parsed = Path.of(path);
        } catch (RuntimeException e) {
            violations.add(new SpecViolation(SearchField.DATASET_PATH.jsonPath(), "not a valid path"));
            return "";
        }
        boolean escapes = parsed.isAbsolute() || path.startsWith("~") || path.contains("\0");
        for (Path part : parsed) {
            escapes |= part.toString().equals("..");
        }
        if (escapes) {
            violations.add(new SpecViolation(SearchField.DATASET_PATH.jsonPath(), "must be a relative path under "
                    + "the dataset root, without '..'"));
            return "";
        }
        return parsed.normalize().toString();
    }

    /** Reads fields by their {@link SearchField} rules, collecting every violation instead of stopping at the first. */
    private static final class Fields {
        final JsonNode root;
        final List<SpecViolation> violations = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        void rejectUnknown(JsonNode object, String group, Set<String> known) {
            for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
                String field = names.next();
                if (!known.contains(field)) {
                    throw InvalidDefinitionException.malformed("unknown field $." + (group.isEmpty() ? "" : group
                            + ".") + field + "; known: " + new TreeSet<>(known));
                }
            }
        }

        private JsonNode value(SearchField field) {
            JsonNode parent = field.group().isEmpty() ? root : root.path(field.group());
            return parent.path(field.key());
        }

        private static boolean absent(JsonNode value) {
            return value.isMissingNode() || value.isNull();
        }

        String text(SearchField field) {
            JsonNode value = value(field);
            String fallback = field.defaultValue().orElse("");
            if (absent(value)) {
                return fallback;
            }
            if (!value.isTextual()) {
                violations.add(new SpecViolation(field.jsonPath(), "must be a string"));
                return fallback;
            }
            String text = value.asText();
            if (field.kind() == SearchField.Kind.CHOICE && !field.choices().contains(text)) {
                violations.add(new SpecViolation(field.jsonPath(), "must be one of " + field.choices() + ", got '"
                        + text + "'"));
            } else if (field.kind() == SearchField.Kind.TEXT && text.length() > field.max()) {
                violations.add(new SpecViolation(field.jsonPath(), "at most " + field.max() + " characters"));
            }
            return text;
        }

        long integer(SearchField field) {
            return integer(field, Long.parseLong(field.defaultValue().orElseThrow()));
        }

        long integer(SearchField field, long fallback) {
            JsonNode value = value(field);
            if (absent(value)) {
                return fallback;
            }
            if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < field.min()
                    || value.asLong() > field.max()) {
                violations.add(new SpecViolation(field.jsonPath(), "must be an integer from " + field.min() + " to "
                        + field.max()));
                return fallback;
            }
            if (!field.choices().isEmpty() && !field.choices().contains(Long.toString(value.asLong()))) {
                violations.add(new SpecViolation(field.jsonPath(), "must be one of " + field.choices() + ", got "
                        + value.asLong()));
                return fallback;
            }
            return value.asLong();
        }

        /** A share of the budget: from min / 100 to max / 100, both included. */
        double share(SearchField field) {
            double lowest = field.min() / 100.0;
            double highest = field.max() / 100.0;
            return number(field, v -> v >= lowest && v <= highest, "a number from " + lowest + " to " + highest);
        }

        /** A fraction: strictly between min and max. */
        double fraction(SearchField field) {
            return number(field, v -> v > field.min() && v < field.max(),
                    "a number strictly between " + field.min() + " and " + field.max());
        }

        private double number(SearchField field, DoublePredicate allowed, String what) {
            JsonNode value = value(field);
            double fallback = Double.parseDouble(field.defaultValue().orElseThrow());
            if (absent(value)) {
                return fallback;
            }
            if (!value.isNumber() || !allowed.test(value.asDouble())) {
                violations.add(new SpecViolation(field.jsonPath(), "must be " + what));
                return fallback;
            }
            return value.asDouble();
        }

        boolean bool(SearchField field) {
            JsonNode value = value(field);
            boolean fallback = Boolean.parseBoolean(field.defaultValue().orElseThrow());
            if (absent(value)) {
                return fallback;
            }
            if (!value.isBoolean()) {
                violations.add(new SpecViolation(field.jsonPath(), "must be true or false"));
                return fallback;
            }
            return value.asBoolean();
        }
    }
}
