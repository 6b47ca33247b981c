package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autocnn.space.sampler.Samplers;
import io.autocnn.space.scheduler.Schedulers;
import io.autocnn.workers.data.DatasetCatalog;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The published OpenAPI document and the request parser must describe the same request, or clients are misled. */
class OpenApiDocumentTest {

    private static JsonNode document() throws Exception {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> names = new HashSet<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void theRequestSchemaListsExactlyTheFieldsTheParserAccepts() throws Exception {
        JsonNode request = document().at("/components/schemas/ExperimentRequest");
        assertThat(request.get("additionalProperties").asBoolean()).isFalse();
        assertThat(properties(request)).isEqualTo(ExperimentRequestParser.TOP);
        assertThat(properties(request.at("/properties/dataset"))).isEqualTo(ExperimentRequestParser.DATASET);
        assertThat(properties(request.at("/properties/budget"))).isEqualTo(ExperimentRequestParser.BUDGET);
    }

    @Test
    void theEnumerationsMatchWhatTheServiceImplements() throws Exception {
        JsonNode request = document().at("/components/schemas/ExperimentRequest/properties");
        assertThat(values(request.at("/sampler/enum"))).isEqualTo(Samplers.NAMES);
        assertThat(values(request.at("/scheduler/enum"))).isEqualTo(Schedulers.NAMES);
        assertThat(values(request.at("/dataset/properties/name/enum"))).isEqualTo(DatasetCatalog.NAMES);
    }

    @Test
    void everyRouteOfTheServerIsDocumented() throws Exception {
        Set<String> documented = new HashSet<>();
        document().get("paths").fieldNames().forEachRemaining(documented::add);
        assertThat(documented).contains("/api/v1/experiments", "/api/v1/experiments/{id}",
                "/api/v1/experiments/{id}/cancel", "/api/v1/experiments/{id}/resume",
                "/api/v1/experiments/{id}/trials", "/api/v1/experiments/{id}/trials/{trial}",
                "/api/v1/experiments/{id}/best-model", "/api/v1/experiments/{id}/best-model/provenance",
                "/api/v1/experiments/{id}/best-over-time",
                "/health", "/metrics", "/openapi.yaml");
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
