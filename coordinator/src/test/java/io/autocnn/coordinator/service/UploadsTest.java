package io.autocnn.coordinator.service;

import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.engine.SearchEngine;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.ui.Leaderboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Multipart uploads to a service without a token (anyone on the port may send them) are refused and leave nothing on
 * disk: Vert.x's body handler would otherwise write each file part to {@code ./file-uploads}.
 */
class UploadsTest {

    private static final Path UPLOADS = Path.of("file-uploads");

    @TempDir
    Path dir;

    private static long filesIn(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).count();
        }
    }

    private static String multipart(String boundary, int bytes) {
        return "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.bin\"\r\n"
                + "Content-Type: application/octet-stream\r\n\r\n" + "x".repeat(bytes) + "\r\n--" + boundary + "--\r\n";
    }

    @Test
    void multipartBodiesAreRefusedAndWriteNoFile() throws Exception {
        long before = filesIn(UPLOADS);
        try (TrialStore store = SqliteTrialStore.open(dir.resolve("autocnn.db"))) {
            ExperimentManager experiments = new ExperimentManager(
                    new SearchEngine(store, null, new ExperimentLayout(dir), event -> { }), dir,
                    ServiceOptions.DEFAULT_MAX_RUNNING_EXPERIMENTS);
            try (ApiServer server = ApiServer.start(ServiceOptions.loopback(dir), store, experiments,
                    SparkOptions.embedded(), new Leaderboard(new StoreLeaderboardSource(store)))) {
                HttpClient http = HttpClient.newHttpClient();
                for (int i = 0; i < 5; i++) {
                    String boundary = "autocnn-" + i;
                    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                                    + server.port() + "/api/v1/experiments"))
                            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                            .POST(HttpRequest.BodyPublishers.ofString(multipart(boundary, 200_000),
                                    StandardCharsets.UTF_8)).build(), HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
                }
            }
        }
        assertThat(filesIn(UPLOADS)).as("files in ./file-uploads").isEqualTo(before);
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString()
                    .startsWith("autocnn.db"))).as("files in the data directory").isEmpty();
        }
    }
}
