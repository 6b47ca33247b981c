package io.autocnn.space.definition;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autocnn.space.spec.BlockKind;
import io.autocnn.space.spec.PaddingMode;
import io.autocnn.space.spec.SpecViolation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Reads a space file (YAML or JSON, one schema: docs/search-space.schema.json) into a {@link SearchSpace}. Every
 * problem is collected before failing, each with its JSON path; syntax errors carry line and column.
 */
public final class SpaceFile {

    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /** The space file's section of {@link Constraints}, and its fields in order. */
    static final String CONSTRAINTS = "constraints";
    static final List<String> CONSTRAINT_NAMES = List.of("maxParameters", "maxMacs", "maxLatencyMs",
            "maxTrainingMemoryMb", "latencyBatch");
    /** A trillion: far beyond any network this product trains, small enough to be a plain number. */
    static final long MAX_CONSTRAINT = 1_000_000_000_000L;
    /** A minute per image: beyond it latency is no longer what a constraint is about. */
    static final double MAX_LATENCY_MS = 60_000;
    /** A tebibyte in megabytes. */
    static final long MAX_MEMORY_MB = 1L << 20;
    /** The largest batch latency is measured at: larger ones measure memory bandwidth, not the network. */
    static final int MAX_LATENCY_BATCH = 4_096;
    private static final ObjectMapper YAML = YAMLMapper.builder().build();

    private SpaceFile() {
    }

    public static SearchSpace read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("search space file not found: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read search space file " + file + ": " + e.getMessage(), e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean yaml = name.endsWith(".yaml") || name.endsWith(".yml") || !text.stripLeading().startsWith("{");
        return parse(text, file.toString(), yaml);
    }

    /** Parses a space from text; {@code source} names it in error messages. */
    public static SearchSpace parse(String text, String source, boolean yaml) {
        JsonNode root;
        try {
            root = (yaml ? YAML : JSON).readTree(text);
        } catch (JsonProcessingException e) {
            throw new InvalidSpaceException(source, List.of(new SpecViolation("$",
                    "syntax error" + location(e.getLocation()) + ": " + e.getOriginalMessage())));
        }
        List<SpecViolation> found = new ArrayList<>();
        SearchSpace space = new Reader(found).space(root, defaultName(source));
        if (!found.isEmpty()) {
            throw new InvalidSpaceException(source, found);
        }
        return space;
    }

    private static String defaultName(String source) {
        String file = Path.of(source).getFileName() == null ? source : Path.of(source).getFileName().toString();
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }

    private static String location(JsonLocation location) {
        return location == null || location.getLineNr() < 0 ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** Walks the tree once, recording violations instead of stopping at the first. */
    private static final class Reader {

        private final List<SpecViolation> found;

        Reader(List<SpecViolation> found) {
            this.found = found;
        }

        SearchSpace space(JsonNode root, String defaultName) {
            if (root == null || !root.isObject()) {
                found.add(new SpecViolation("$", "expected an object with convBlocks, denseLayers, head and training"));
                return null;
            }
            List<String> known = new ArrayList<>(List.of("name"));
            for (Group group : Group.values()) {
                known.add(group.key());
            }
            known.add(CONSTRAINTS);
            unknownFields(root, "$", known);
            String name = defaultName;
            if (root.has("name")) {
                if (root.get("name").isTextual() && !root.get("name").asText().isBlank()) {
                    name = root.get("name").asText();
                } else {
                    found.add(new SpecViolation("$.name", "expected a non-empty text"));
                }
            }
            if (!root.has(Group.CONV_BLOCKS.key())) {
                found.add(new SpecViolation("$.convBlocks", "required: the convolution blocks (at least a depth)"));
            }
            GroupSpace conv = group(root.get(Group.CONV_BLOCKS.key()), Group.CONV_BLOCKS);
            GroupSpace dense = group(root.get(Group.DENSE_LAYERS.key()), Group.DENSE_LAYERS);
            GroupSpace head = group(root.get(Group.HEAD.key()), Group.HEAD);
            GroupSpace training = group(root.get(Group.TRAINING.key()), Group.TRAINING);
            return new SearchSpace(name, conv, dense, head, training, constraints(root.get(CONSTRAINTS)));
        }

        /**
         * {@code constraints: {maxParameters: N, maxMacs: N, maxLatencyMs: X, maxTrainingMemoryMb: N, latencyBatch:
         * N}}, each optional, each a positive number within its bounds (latency any positive number).
         */
        private Constraints constraints(JsonNode node) {
            if (node == null) {
                return Constraints.NONE;
            }
            String path = "$." + CONSTRAINTS;
            if (!node.isObject()) {
                found.add(new SpecViolation(path, "expected an object with " + CONSTRAINT_NAMES));
                return Constraints.NONE;
            }
            unknownFields(node, path, CONSTRAINT_NAMES);
            OptionalDouble maxLatency = OptionalDouble.empty();
            JsonNode latency = node.get(CONSTRAINT_NAMES.get(2));
            if (latency != null) {
                if (latency.isNumber() && latency.asDouble() > 0 && latency.asDouble() <= MAX_LATENCY_MS) {
                    maxLatency = OptionalDouble.of(latency.asDouble());
                } else {
                    found.add(new SpecViolation(path + "." + CONSTRAINT_NAMES.get(2), "expected milliseconds, a number"
                            + " above 0 and at most " + (long) MAX_LATENCY_MS + ", found " + latency));
                }
            }
            OptionalLong latencyBatch = limit(node, path, CONSTRAINT_NAMES.get(4), MAX_LATENCY_BATCH);
            return new Constraints(limit(node, path, CONSTRAINT_NAMES.get(0), MAX_CONSTRAINT),
                    limit(node, path, CONSTRAINT_NAMES.get(1), MAX_CONSTRAINT), maxLatency,
                    limit(node, path, CONSTRAINT_NAMES.get(3), MAX_MEMORY_MB),
                    (int) latencyBatch.orElse(Constraints.DEFAULT_LATENCY_BATCH));
        }

        private OptionalLong limit(JsonNode node, String path, String name, long max) {
            JsonNode value = node.get(name);
            if (value == null) {
                return OptionalLong.empty();
            }
            if (!value.canConvertToExactIntegral() || value.asLong() < 1 || value.asLong() > max) {
                found.add(new SpecViolation(path + "." + name, "expected a whole number from 1 to " + max
                        + ", found " + value));
                return OptionalLong.empty();
            }
            return OptionalLong.of(value.asLong());
        }

        private GroupSpace group(JsonNode node, Group group) {
            String path = "$." + group.key();
            Optional<Domain.IntRange> depth = group.isRepeated()
                    ? Optional.of(new Domain.IntRange(0, 0, false)) : Optional.empty();
            List<Parameter> parameters = new ArrayList<>();
            if (node == null) {
                return new GroupSpace(group, depth, parameters);
            }
            if (!node.isObject()) {
                found.add(new SpecViolation(path, "expected an object of parameters " + group.fieldNames()));
                return new GroupSpace(group, depth, parameters);
            }
            List<String> known = new ArrayList<>(group.fieldNames());
            if (group.isRepeated()) {
                known.add(0, Group.DEPTH);
                depth = Optional.of(depth(node.get(Group.DEPTH), path + ".depth", group));
            }
            unknownFields(node, path, known);
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                Optional<Field> field = group.field(entry.getKey());
                if (field.isPresent()) {
                    parameter(entry.getValue(), path + "." + entry.getKey(), field.get(), group, parameters)
                            .ifPresent(parameters::add);
                }
            }
            if (group == Group.CONV_BLOCKS) {
                residualNeedsSamePadding(parameters, path);
            }
            return new GroupSpace(group, depth, parameters);
        }

        /**
         * A residual block cannot have VALID padding (its shortcut would not match its output): a space that could
         * draw both is refused here rather than failing those trials. A conditional padding is left to the trial's
         * own check.
         */
        private void residualNeedsSamePadding(List<Parameter> parameters, String path) {
            boolean residual = parameters.stream().anyMatch(p -> p.name().equals("kind")
                    && mayTake(p.domain(), BlockKind.RESIDUAL));
            boolean valid = parameters.stream().anyMatch(p -> p.name().equals("padding") && p.when().isEmpty()
                    && mayTake(p.domain(), PaddingMode.VALID));
            if (residual && valid) {
                found.add(new SpecViolation(path + ".kind", "a RESIDUAL block needs SAME padding, but padding may "
                        + "be VALID here; make padding SAME, or VALID only for plain blocks (padding: {value: "
                        + "VALID, when: {kind: PLAIN}})"));
            }
        }

        private static boolean mayTake(Domain domain, Object value) {
            return domain instanceof Domain.Fixed fixed ? fixed.value().equals(value)
                    : domain instanceof Domain.Categorical categorical && categorical.choices().contains(value);
        }

        private Domain.IntRange depth(JsonNode node, String path, Group group) {
            Field depthField = Field.integer(Group.DEPTH, 0, 0, group.maxDepth());
            if (node == null) {
                found.add(new SpecViolation(path, "required: how many layers, a number or {min, max}"));
                return new Domain.IntRange(0, 0, false);
            }
            Optional<Parameter> parsed = parameter(node, path, depthField, group, List.of());
            if (parsed.isEmpty()) {
                return new Domain.IntRange(0, 0, false);
            }
            Domain domain = parsed.get().domain();
            if (parsed.get().when().isPresent() || domain instanceof Domain.Categorical) {
                found.add(new SpecViolation(path, "a depth is a number or {min, max}; no choices or conditions"));
                return new Domain.IntRange(0, 0, false);
            }
            if (domain instanceof Domain.Fixed fixed) {
                int value = (Integer) fixed.value();
                return new Domain.IntRange(value, value, false);
            }
            return (Domain.IntRange) domain;
        }

        /** One parameter declaration; empty (with violations recorded) when it is unusable. */
        private Optional<Parameter> parameter(JsonNode node, String path, Field field, Group group,
                                              List<Parameter> earlier) {
            int before = found.size();
            if (node.isValueNode()) {
                return value(node, path, field).map(v -> Parameter.of(field.name(), new Domain.Fixed(v)));
            }
            if (!node.isObject()) {
                found.add(new SpecViolation(path, "expected a value, or an object with one of value, choices, min/max"));
                return Optional.empty();
            }
            unknownFields(node, path, List.of("value", "choices", "min", "max", "log", "when"));
            int forms = (node.has("value") ? 1 : 0) + (node.has("choices") ? 1 : 0)
                    + (node.has("min") || node.has("max") ? 1 : 0);
            if (forms != 1) {
                found.add(new SpecViolation(path, "give exactly one of value, choices, or min and max (found "
                        + forms + ")"));
                return Optional.empty();
            }
            Optional<Domain> domain;
            if (node.has("value")) {
                domain = value(node.get("value"), path + ".value", field).map(Domain.Fixed::new);
            } else if (node.has("choices")) {
                domain = choices(node.get("choices"), path + ".choices", field);
            } else {
                domain = range(node, path, field);
            }
            if (!(node.has("min") || node.has("max")) && node.has("log")) {
                found.add(new SpecViolation(path + ".log", "log applies to min/max ranges only"));
            }
            Optional<Condition> when = node.has("when")
                    ? condition(node.get("when"), path + ".when", field, group, earlier) : Optional.empty();
            if (found.size() > before || domain.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Parameter(field.name(), domain.get(), when));
        }

        private Optional<Domain> choices(JsonNode node, String path, Field field) {
            if (!node.isArray() || node.isEmpty()) {
                found.add(new SpecViolation(path, "expected a non-empty list of choices"));
                return Optional.empty();
            }
            List<Object> values = new ArrayList<>();
            // A set, not a scan of the list: a request may send a million choices, and each must cost O(1).
            Set<Object> seen = new HashSet<>();
            for (int i = 0; i < node.size(); i++) {
                Optional<Object> value = value(node.get(i), path + "[" + i + "]", field);
                if (value.isPresent()) {
                    if (!seen.add(ValueEquality.key(value.get()))) {
                        found.add(new SpecViolation(path + "[" + i + "]", "duplicate choice " + value.get()));
                    }
                    values.add(value.get());
                }
            }
            return values.size() == node.size() ? Optional.of(new Domain.Categorical(values)) : Optional.empty();
        }

        private Optional<Domain> range(JsonNode node, String path, Field field) {
            if (!field.isNumeric()) {
                found.add(new SpecViolation(path, field.name() + " takes names, not a range: use choices "
                        + ((FieldKind.EnumKind) field.kind()).names()));
                return Optional.empty();
            }
            if (field.name().equals("kernelSize")) {
                found.add(new SpecViolation(path, "kernelSize is 3 or 5: use choices: [3, 5], not a range"));
                return Optional.empty();
            }
            if (!node.has("min") || !node.has("max")) {
                found.add(new SpecViolation(path + (node.has("min") ? ".max" : ".min"), "required with "
                        + (node.has("min") ? "min" : "max")));
                return Optional.empty();
            }
            Optional<Object> min = value(node.get("min"), path + ".min", field);
            Optional<Object> max = value(node.get("max"), path + ".max", field);
            boolean log = false;
            if (node.has("log")) {
                if (node.get("log").isBoolean()) {
                    log = node.get("log").booleanValue();
                } else {
                    found.add(new SpecViolation(path + ".log", "expected true or false"));
                }
            }
            if (min.isEmpty() || max.isEmpty()) {
                return Optional.empty();
            }
            double low = ((Number) min.get()).doubleValue();
            double high = ((Number) max.get()).doubleValue();
            if (low > high) {
                found.add(new SpecViolation(path, "empty range: min " + min.get() + " > max " + max.get()));
                return Optional.empty();
            }
            if (log && low <= 0) {
                found.add(new SpecViolation(path + ".min", "a log range needs min > 0, found " + min.get()));
                return Optional.empty();
            }
            return Optional.of(field.kind() instanceof FieldKind.IntKind
                    ? new Domain.IntRange((Integer) min.get(), (Integer) max.get(), log)
                    : new Domain.FloatRange(low, high, log));
        }

        private Optional<Condition> condition(JsonNode node, String path, Field field, Group group,
                                              List<Parameter> earlier) {
            if (!node.isObject() || node.size() != 1) {
                found.add(new SpecViolation(path, "expected one entry: {otherParameter: value or [values]}"));
                return Optional.empty();
            }
            Map.Entry<String, JsonNode> entry = node.fields().next();
            Optional<Parameter> target = earlier.stream().filter(p -> p.name().equals(entry.getKey())).findFirst();
            if (target.isEmpty()) {
                found.add(new SpecViolation(path + "." + entry.getKey(), "a condition must name a parameter "
                        + "declared before " + field.name() + " in the same group"));
                return Optional.empty();
            }
            Field targetField = group.field(entry.getKey()).orElseThrow();
            JsonNode values = entry.getValue().isArray() ? entry.getValue()
                    : JSON.createArrayNode().add(entry.getValue());
            List<Object> accepted = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                value(values.get(i), path + "." + entry.getKey(), targetField).ifPresent(accepted::add);
            }
            return accepted.size() == values.size() && !accepted.isEmpty()
                    ? Optional.of(new Condition(entry.getKey(), accepted)) : Optional.empty();
        }

        /** A single value of the field's kind and within its bounds. */
        private Optional<Object> value(JsonNode node, String path, Field field) {
            Object raw = node.isNumber() ? node.numberValue() : node.isTextual() ? numberOrText(node.asText(), field)
                    : null;
            Optional<Object> value = raw == null ? Optional.empty() : field.kind().coerce(raw);
            if (value.isEmpty()) {
                found.add(new SpecViolation(path, "expected " + field.kind().describe() + ", found "
                        + (node.isTextual() ? "'" + node.asText() + "'" : node.toString())));
                return Optional.empty();
            }
            if (value.get() instanceof Number n && !withinBounds(n.doubleValue(), field)) {
                found.add(new SpecViolation(path, field.name() + " must be " + bounds(field) + ", found " + n));
                return Optional.empty();
            }
            return value;
        }

        /** YAML 1.1 reads {@code 1e-4} (no dot) as text; numeric fields accept such text as a number. */
        private static Object numberOrText(String text, Field field) {
            if (field.isNumeric()) {
                try {
                    return Double.parseDouble(text.trim());
                } catch (NumberFormatException e) {
                    return text;
                }
            }
            return text;
        }

        private static boolean withinBounds(double value, Field field) {
            if (field.name().equals("kernelSize")) {
                return value == 3 || value == 5;
            }
            return value >= field.lowest() && value <= field.highest();
        }

        private static String bounds(Field field) {
            if (field.name().equals("kernelSize")) {
                return "3 or 5";
            }
            return "in [" + format(field.lowest()) + ", " + format(field.highest()) + "]";
        }

        private static String format(double value) {
            return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
        }

        private void unknownFields(JsonNode node, String path, List<String> known) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!known.contains(name)) {
                    found.add(new SpecViolation(path + "." + name, "unknown field; expected one of " + known));
                }
            }
        }
    }
}
