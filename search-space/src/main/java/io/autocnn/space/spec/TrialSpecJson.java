package io.autocnn.space.spec;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.InjectableValues;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads and writes {@link TrialSpec} as JSON. Unknown fields and wrong types are errors that name the JSON path,
 * line and column; the values are then checked by {@link TrialSpecValidator}.
 */
public final class TrialSpecJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new Jdk8Module())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .injectableValues(new InjectableValues.Std()
                    // The defaults of the fields marked @OptionalInJson, by type: each type's is its "off" value.
                    .addValue(double.class, 0.0)
                    .addValue(long.class, 0L)
                    .addValue(Normalization.class, Normalization.NONE)
                    .addValue(BlockKind.class, BlockKind.PLAIN)
                    .addValue(HeadPooling.class, HeadPooling.FLATTEN)
                    .addValue(LearningRateSchedule.class, LearningRateSchedule.CONSTANT)
                    .addValue(java.util.OptionalInt.class, java.util.OptionalInt.empty())
                    .addValue(java.util.OptionalLong.class, java.util.OptionalLong.empty())
                    .addValue(java.util.Optional.class, java.util.Optional.empty()))
            .build();

    private TrialSpecJson() {
    }

    /** The shared mapper, configured strictly; other JSON codecs of the product reuse its settings. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(TrialSpec spec) {
        try {
            return MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a trial specification could not be written as JSON", e);
        }
    }

    /** Parses and validates; {@code source} names where the text came from in error messages. */
    public static TrialSpec read(String json, String source) {
        TrialSpec spec;
        try {
            spec = MAPPER.readValue(json, TrialSpec.class);
        } catch (JsonMappingException e) {
            throw new InvalidSpecException(List.of(new SpecViolation(jsonPath(e),
                    source + location(e.getLocation()) + ": " + e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw new InvalidSpecException(List.of(new SpecViolation("$",
                    source + location(e.getLocation()) + ": malformed JSON: " + e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException(List.of(new SpecViolation("$", source + ": " + e.getMessage())));
        }
        if (spec == null) {
            throw new InvalidSpecException(List.of(new SpecViolation("$", source + ": the document is empty")));
        }
        return TrialSpecValidator.requireValid(spec);
    }

    public static TrialSpec read(Path file) {
        try {
            return read(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("trial specification file not found: " + file, e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read trial specification " + file + ": " + e.getMessage(), e);
        }
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder("$");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
