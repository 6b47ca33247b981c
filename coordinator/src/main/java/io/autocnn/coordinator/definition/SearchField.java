package io.autocnn.coordinator.definition;

import io.autocnn.coordinator.search.Fidelity;
import io.autocnn.space.objective.SecondObjective;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.workers.data.DatasetCatalog;
import io.autocnn.workers.train.Augmentation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Every setting of a {@link SearchDefinition} besides its space, declared once: where it sits in the JSON definition,
 * its type, default and range, and the command-line flag that sets it. The request parser reads by these, the command
 * line takes its defaults from them ({@code DefinitionDefaults}), and a test holds {@code openapi.yaml} equal to them,
 * so the API, the command line and the published document cannot drift apart.
 */
public enum SearchField {
    NAME("name", Kind.TEXT, "experiment", 0, 200, List.of(), ""),
    SAMPLER("sampler", Kind.CHOICE, "tpe", 0, 0, Samplers.NAMES, "--sampler"),
    SCHEDULER("scheduler", Kind.CHOICE, "asha", 0, 0, Schedulers.NAMES, "--scheduler"),
    RUNGS("rungs", Kind.INTEGER, "4", 1, 8, List.of(), "--rungs"),
    FIDELITY("fidelity", Kind.CHOICE, "epochs", 0, 0, Fidelity.NAMES, "--fidelity"),
    SECOND_OBJECTIVE("secondObjective", Kind.CHOICE, SecondObjective.NONE, 0, 0, SecondObjective.NAMES,
            "--second-objective"),
    SEED("seed", Kind.INTEGER, "1", Long.MIN_VALUE, Long.MAX_VALUE, List.of(), "--seed"),
    DATASET("dataset.name", Kind.CHOICE, "fashion-mnist", 0, 0, DatasetCatalog.NAMES, "--dataset"),
    DATASET_PATH("dataset.path", Kind.TEXT, "", 0, 4096, List.of(), "--dataset-path"),
    LIMIT("dataset.limit", Kind.INTEGER, "0", 0, Limits.MAX_IMAGES, List.of(), "--limit"),
    TEST_LIMIT("dataset.testLimit", Kind.INTEGER, "0", 0, Limits.MAX_IMAGES, List.of(), "--test-limit"),
    VALIDATION_FRACTION("dataset.validationFraction", Kind.FRACTION, "0.1", 0, 1, List.of(), "--validation-fraction"),
    IMAGE_HEIGHT("dataset.imageHeight", Kind.INTEGER, "28", Limits.MIN_IMAGE_SIDE, Limits.MAX_IMAGE_SIDE, List.of(),
            ""),
    IMAGE_WIDTH("dataset.imageWidth", Kind.INTEGER, "28", Limits.MIN_IMAGE_SIDE, Limits.MAX_IMAGE_SIDE, List.of(), ""),
    CHANNELS("dataset.channels", Kind.INTEGER, "1", 1, 3, List.of("1", "3"), "--channels"),
    SCRAMBLE("dataset.scramble", Kind.BOOLEAN, "false", 0, 0, List.of(), "--scramble"),
    SCRAMBLE_SEED("dataset.scrambleSeed", Kind.INTEGER, "2024", Long.MIN_VALUE, Long.MAX_VALUE, List.of(),
            "--scramble-seed"),
    AUGMENT_SHIFT("dataset.augmentShift", Kind.INTEGER, "0", 0, Augmentation.MAX_SHIFT, List.of(), "--augment-shift"),
    AUGMENT_FLIP("dataset.augmentFlip", Kind.BOOLEAN, "false", 0, 0, List.of(), "--augment-flip"),
    AUGMENT_ERASING("dataset.augmentErasing", Kind.BOOLEAN, "false", 0, 0, List.of(), "--augment-erasing"),
    MAX_TRIALS("budget.maxTrials", Kind.INTEGER, "100", 1, Limits.MAX_TRIALS, List.of(), "--trials"),
    MAX_WALL_TIME_SECONDS("budget.maxWallTimeSeconds", Kind.INTEGER, "600", 1, Limits.MAX_WALL_SECONDS, List.of(),
            "--budget"),
    /** No fixed default: the service's (or command's) concurrency. */
    MAX_CONCURRENT("budget.maxConcurrent", Kind.INTEGER, null, 1, Limits.MAX_CONCURRENT, List.of(), "--concurrency"),
    MAX_FAILED_TRIALS("budget.maxFailedTrials", Kind.INTEGER, "10", 0, Limits.MAX_TRIALS, List.of(), "--max-failed"),
    /**
     * Of the wall-clock budget, the share in which the best trial trains on once the search has ended. No single flag:
     * {@code search} and {@code compare} default it differently ({@code --final-training}).
     */
    FINAL_TRAINING_SHARE("budget.finalTrainingShare", Kind.SHARE, "0", 0, 90, List.of(), "");

    /** A field's JSON type and how its value is checked. */
    public enum Kind {
        TEXT, CHOICE, INTEGER,
        /** Strictly between min and max. */
        FRACTION,
        /** From min / 100 to max / 100, both included. */
        SHARE,
        BOOLEAN
    }

    /** The bounds the fields use, named. */
    static final class Limits {
        static final long MAX_TRIALS = 1_000_000;
        static final long MAX_IMAGES = 100_000_000;
        static final long MAX_WALL_SECONDS = 30L * 24 * 3600;
        static final long MAX_CONCURRENT = 64;
        /** Folder images are resized to between these: smaller cannot hold a conv block, larger will not train here. */
        static final long MIN_IMAGE_SIDE = 8;
        static final long MAX_IMAGE_SIDE = 512;

        private Limits() {
        }
    }

    private final String path;
    private final Kind kind;
    private final String defaultValue;
    private final long min;
    private final long max;
    private final List<String> choices;
    private final String flag;

    SearchField(String path, Kind kind, String defaultValue, long min, long max, List<String> choices, String flag) {
        this.path = path;
        this.kind = kind;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.choices = choices;
        this.flag = flag;
    }

    /** Dotted path in the definition, e.g. {@code budget.maxTrials}. */
    public String path() {
        return path;
    }

    /** The JSON path users see in errors, e.g. {@code $.budget.maxTrials}. */
    public String jsonPath() {
        return "$." + path;
    }

    /** The object it sits in ("" for the top level, else {@code dataset} or {@code budget}). */
    public String group() {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(0, dot);
    }

    /** Its name inside its group. */
    public String key() {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    public Kind kind() {
        return kind;
    }

    /** The default as text, empty when the field has none fixed here. */
    public Optional<String> defaultValue() {
        return Optional.ofNullable(defaultValue);
    }

    /** Smallest value (INTEGER), or shortest length (TEXT). */
    public long min() {
        return min;
    }

    /** Largest value (INTEGER), or longest length (TEXT). */
    public long max() {
        return max;
    }

    /** The allowed values of a CHOICE, or of an INTEGER that takes only some values of its range. */
    public List<String> choices() {
        return choices;
    }

    /** The command-line flag that sets it; empty when no single flag does. */
    public Optional<String> flag() {
        return flag.isEmpty() ? Optional.empty() : Optional.of(flag);
    }

    /** The field at the dotted path, e.g. {@code budget.maxTrials}, if any. */
    public static Optional<SearchField> atPath(String path) {
        return Arrays.stream(values()).filter(field -> field.path.equals(path)).findFirst();
    }

    /** The field the JSON path names, e.g. {@code $.budget.maxTrials}, if any. */
    public static Optional<SearchField> atJsonPath(String jsonPath) {
        return jsonPath.startsWith("$.") ? atPath(jsonPath.substring(2)) : Optional.empty();
    }

    /** The keys of the fields of {@code group} ("" for the top level). */
    public static List<String> keysOf(String group) {
        return Arrays.stream(values()).filter(field -> field.group().equals(group)).map(SearchField::key).toList();
    }
}
