package io.autocnn.coordinator.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document as users' tools see it: Redocly CLI's recommended rules (security scheme on every operation,
 * operation ids, 4xx responses, ...) pass with no error and no warning. Redocly is installed, pinned, by
 * {@code bin/install-prerequisites}, which the test command runs first.
 */
class OpenApiLintTest {

    private static final Path MODULE = Path.of("").toAbsolutePath();
    private static final Path DOCUMENT = MODULE.resolve("src/main/resources/io/autocnn/coordinator/service/openapi.yaml");
    private static final Path CONFIG = MODULE.resolve("src/test/resources/redocly.yaml");

    @TempDir
    Path dir;

    /** What Redocly reported: its JSON report's totals and problems, and its exit status. */
    private record Lint(int exit, JsonNode report) {
        int count(String kind) {
            return report.at("/totals/" + kind).asInt(-1);
        }
    }

    private static Lint lint(Path document) throws IOException, InterruptedException {
        Path redocly = MODULE.getParent().resolve(".tools/redocly/node_modules/.bin/redocly");
        assertThat(redocly).as("Redocly CLI; bin/install-prerequisites installs it").isExecutable();
        // The report is JSON on stdout; notices (such as Node.js deprecation banners) go to stderr.
        Process process = new ProcessBuilder(redocly.toString(), "lint", "--config", CONFIG.toString(),
                "--format=json", document.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("redocly finished").isTrue();
        return new Lint(process.exitValue(), new ObjectMapper().readTree(output));
    }

    @Test
    void theDocumentPassesRedoclysRecommendedRulesWithoutAWarning() throws Exception {
        Lint lint = lint(DOCUMENT);
        assertThat(lint.report().get("problems")).as(lint.report().toPrettyString()).isEmpty();
        assertThat(lint.count("errors")).isZero();
        assertThat(lint.count("warnings")).isZero();
        assertThat(lint.exit()).isZero();
    }

    @Test
    void theLinterReallyChecks() throws Exception {
        // The same document with one operation's id removed: the recommended rules must object.
        String document = Files.readString(DOCUMENT);
        Path broken = dir.resolve("openapi.yaml");
        Files.writeString(broken, document.replace("      operationId: getHealth\n", ""));
        Lint lint = lint(broken);
        assertThat(lint.count("warnings")).isEqualTo(1);
        assertThat(lint.report().at("/problems/0/ruleId").asText()).isEqualTo("operation-operationId");
    }
}
