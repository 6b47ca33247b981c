package io.autocnn.space.scheduler;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The JSON envelope of a scheduler's saved state: {@code {"scheduler": name, "state": {...}}}. Restoring checks the
 * name, so one scheduler's state is never read as another's.
 */
final class SchedulerState {

    static final ObjectMapper JSON = JsonMapper.builder().build();

    private SchedulerState() {
    }

    static JsonNode wrap(String scheduler, Object state) {
        ObjectNode node = JSON.createObjectNode();
        node.put("scheduler", scheduler);
        node.set("state", JSON.valueToTree(state));
        return node;
    }

    static <T> T unwrap(JsonNode node, String scheduler, Class<T> type) {
        if (node == null || !scheduler.equals(node.path("scheduler").asText())) {
            throw new IllegalArgumentException("saved state belongs to scheduler '"
                    + (node == null ? "none" : node.path("scheduler").asText()) + "', not '" + scheduler + "'");
        }
        try {
            return JSON.treeToValue(node.get("state"), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalArgumentException("saved " + scheduler + " state is unreadable: " + e.getMessage(), e);
        }
    }
}
