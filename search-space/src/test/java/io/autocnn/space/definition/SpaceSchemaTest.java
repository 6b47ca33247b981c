package io.autocnn.space.definition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The published JSON Schema (docs/search-space.schema.json) must describe exactly what the reader accepts. */
class SpaceSchemaTest {

    @Test
    void schemaListsEveryFieldWithTheValidatorsBounds() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(Path.of("..", "docs", "search-space.schema.json").toFile());
        JsonNode groups = schema.get("properties");
        for (Group group : Group.values()) {
            JsonNode properties = groups.get(group.key()).get("properties");
            List<String> declared = new ArrayList<>();
            properties.fieldNames().forEachRemaining(declared::add);
            List<String> expected = new ArrayList<>(group.fieldNames());
            if (group.isRepeated()) {
                expected.add(0, Group.DEPTH);
            }
            assertThat(declared).as(group.key()).containsExactlyElementsOf(expected);
            for (Field field : group.fields()) {
                JsonNode scalar = properties.get(field.name()).get("oneOf").get(0);
                if (field.isNumeric()) {
                    assertThat(scalar.get("minimum").asDouble()).as(field.name()).isEqualTo(field.lowest());
                    assertThat(scalar.get("maximum").asDouble()).as(field.name()).isEqualTo(field.highest());
                } else {
                    List<String> names = new ArrayList<>();
                    scalar.get("enum").forEach(n -> names.add(n.asText()));
                    assertThat(names).as(field.name())
                            .containsExactlyElementsOf(((FieldKind.EnumKind) field.kind()).names());
                }
            }
        }
        JsonNode constraints = groups.get(SpaceFile.CONSTRAINTS).get("properties");
        List<String> declared = new ArrayList<>();
        constraints.fieldNames().forEachRemaining(declared::add);
        assertThat(declared).containsExactlyElementsOf(SpaceFile.CONSTRAINT_NAMES);
        assertThat(constraints.get("maxParameters").get("maximum").asLong()).isEqualTo(SpaceFile.MAX_CONSTRAINT);
        assertThat(constraints.get("maxMacs").get("maximum").asLong()).isEqualTo(SpaceFile.MAX_CONSTRAINT);
        assertThat(constraints.get("maxLatencyMs").get("maximum").asDouble()).isEqualTo(SpaceFile.MAX_LATENCY_MS);
        assertThat(constraints.get("maxTrainingMemoryMb").get("maximum").asLong()).isEqualTo(SpaceFile.MAX_MEMORY_MB);
        assertThat(constraints.get("latencyBatch").get("maximum").asLong()).isEqualTo(SpaceFile.MAX_LATENCY_BATCH);
    }
}
