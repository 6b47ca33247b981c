package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.autocnn.coordinator.definition.SearchDefinitionParser;
import io.autocnn.coordinator.definition.SearchField;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.ui.Leaderboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The published OpenAPI document must describe the definition the parser reads ({@link SearchField}: names, types,
 * defaults, ranges) and the routes the server really serves, or clients are misled.
 */
class OpenApiDocumentTest {

    @TempDir
    Path dir;

    private static JsonNode document() throws Exception {
        try (InputStream in = ApiServer.class.getResourceAsStream("openapi.yaml")) {
            return new YAMLMapper().readTree(in);
        }
    }

    private static Set<String> properties(JsonNode schema) {
        Set<String> names = new TreeSet<>();
        schema.get("properties").fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode request() throws Exception {
        return document().at("/components/schemas/ExperimentRequest");
    }

    @Test
    void theRequestSchemaListsExactlyTheFieldsOfTheDefinition() throws Exception {
        JsonNode request = request();
        assertThat(request.get("additionalProperties").asBoolean()).isFalse();
        Set<String> top = new TreeSet<>(SearchField.keysOf(""));
        top.addAll(SearchDefinitionParser.STRUCTURED_FIELDS);
        assertThat(properties(request)).isEqualTo(top);
        for (String group : List.of("dataset", "budget")) {
            assertThat(request.at("/properties/" + group + "/additionalProperties").asBoolean()).isFalse();
            assertThat(properties(request.at("/properties/" + group))).as(group)
                    .isEqualTo(new TreeSet<>(SearchField.keysOf(group)));
        }
    }

    @Test
    void everyFieldIsDocumentedWithTheParsersTypeDefaultAndRange() throws Exception {
        JsonNode request = request();
        for (SearchField field : SearchField.values()) {
            JsonNode node = request.at("/properties/" + (field.group().isEmpty() ? field.key()
                    : field.group() + "/properties/" + field.key()));
            String what = field.jsonPath();
            assertThat(node.path("type").asText()).as(what + " type").isEqualTo(switch (field.kind()) {
                case TEXT, CHOICE -> "string";
                case INTEGER -> "integer";
                case FRACTION, SHARE -> "number";
                case BOOLEAN -> "boolean";
            });
            if (field.defaultValue().isPresent()) {
                String documented = node.path("default").asText();
                if (field.kind() == SearchField.Kind.FRACTION || field.kind() == SearchField.Kind.SHARE) {
                    assertThat(Double.parseDouble(documented)).as(what + " default")
                            .isEqualTo(Double.parseDouble(field.defaultValue().get()));
                } else {
                    assertThat(documented).as(what + " default").isEqualTo(field.defaultValue().get());
                }
            } else {
                assertThat(node.has("default")).as(what + " has no fixed default").isFalse();
            }
            if (!field.choices().isEmpty()) {
                List<String> documented = new java.util.ArrayList<>();
                node.path("enum").forEach(value -> documented.add(value.asText()));
                assertThat(documented).as(what + " enum").isEqualTo(field.choices());
            } else if (field.kind() == SearchField.Kind.INTEGER) {
                assertBound(node, "minimum", field.min(), Long.MIN_VALUE, what);
                assertBound(node, "maximum", field.max(), Long.MAX_VALUE, what);
            } else if (field.kind() == SearchField.Kind.TEXT) {
                assertThat(node.path("maxLength").asLong()).as(what + " maxLength").isEqualTo(field.max());
            } else if (field.kind() == SearchField.Kind.FRACTION) {
                assertThat(node.path("minimum").asDouble()).isEqualTo(field.min());
                assertThat(node.path("maximum").asDouble()).isEqualTo(field.max());
                assertThat(node.path("exclusiveMinimum").asBoolean()).isTrue();
                assertThat(node.path("exclusiveMaximum").asBoolean()).isTrue();
            } else if (field.kind() == SearchField.Kind.SHARE) {
                assertThat(node.path("minimum").asDouble()).as(what).isEqualTo(field.min() / 100.0);
                assertThat(node.path("maximum").asDouble()).as(what).isEqualTo(field.max() / 100.0);
                assertThat(node.has("exclusiveMinimum") || node.has("exclusiveMaximum")).as(what).isFalse();
            }
        }
    }

    private static void assertBound(JsonNode node, String name, long bound, long unbounded, String what) {
        if (bound == unbounded) {
            assertThat(node.has(name)).as(what + " has no " + name).isFalse();
        } else {
            assertThat(node.path(name).asLong(Long.MIN_VALUE)).as(what + " " + name).isEqualTo(bound);
        }
    }

    @Test
    void theTrialStatesAListingFiltersByAreTheStatesATrialCanBeIn() throws Exception {
        JsonNode parameters = document().at("/paths/~1api~1v1~1experiments~1{id}~1trials/parameters");
        List<String> documented = new java.util.ArrayList<>();
        parameters.forEach(parameter -> {
            if (parameter.path("name").asText().equals("state")) {
                parameter.at("/schema/enum").forEach(value -> documented.add(value.asText()));
            }
        });
        assertThat(documented).isEqualTo(java.util.Arrays.stream(io.autocnn.space.trial.TrialState.values())
                .map(state -> state.name().toLowerCase(java.util.Locale.ROOT)).toList());
    }

    @Test
    void theDocumentDescribesExactlyTheRoutesTheServerServes() throws Exception {
        Set<String> documented = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document().get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fieldNames().forEachRemaining(method -> {
                if (!method.equals("parameters")) {
                    documented.add(method.toUpperCase(java.util.Locale.ROOT) + " " + path.getKey());
                }
            });
        }
        try (TrialStore store = SqliteTrialStore.open(dir.resolve("autocnn.db"))) {
            ExperimentManager experiments = new ExperimentManager(
                    new SearchEngine(store, null, new ExperimentLayout(dir), event -> { }), dir,
                    ServiceOptions.DEFAULT_MAX_RUNNING_EXPERIMENTS);
            ServiceOptions options = ServiceOptions.loopback(dir);
            try (ApiServer server = ApiServer.start(options, store, experiments, SparkOptions.embedded(),
                    new Leaderboard(new StoreLeaderboardSource(store)))) {
                Set<String> served = new HashSet<>(server.routes());
                // The page and its static files are the leaderboard's, not the API's.
                served.removeIf(route -> route.equals("GET /") || route.startsWith("GET /ui/"));
                assertThat(new TreeSet<>(served)).isEqualTo(documented);
            }
        }
    }
}
