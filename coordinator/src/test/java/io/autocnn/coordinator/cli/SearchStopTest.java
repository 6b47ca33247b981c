package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkChildJvm;
import io.autocnn.coordinator.dispatch.SparkChildJvm;
import io.autocnn.coordinator.dispatch.SparkOptions;
import io.autocnn.coordinator.engine.ExperimentLayout;
import io.autocnn.coordinator.service.CoordinatorService;
import io.autocnn.coordinator.service.ServiceOptions;
import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialQuery;
import io.autocnn.coordinator.store.TrialRow;
import io.autocnn.coordinator.store.TrialStore;
import io.autocnn.space.trial.TrialState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code autocnn search} as a child JVM, stopped with SIGTERM (a plain kill, as Ctrl-C's trap in a script sends):
 * its {@code --out} holds the experiment still running with no trial failed or cancelled by the stop, and a service
 * started on that folder ({@code autocnn serve --data-dir OUT}) resumes the search and finishes every trial.
 */
@Tag("slow")
class SearchStopTest {

    private static final int TRIALS = 4;

    @TempDir
    Path dir;
    private Process search;

    @AfterEach
    void stop() {
        if (search != null) {
            search.descendants().forEach(ProcessHandle::destroyForcibly);
            search.destroyForcibly();
        }
    }

    /**
     * The experiment with a trial training, read without opening the store (which would migrate a file the search is
     * creating; the search holds the directory's lock, this test does not take it): plain read-only SQL.
     */
    private static String trainingExperiment(Path database) {
        if (!Files.exists(database)) {
            return null;
        }
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:file:" + database + "?mode=ro");
             Statement sql = connection.createStatement();
             ResultSet found = sql.executeQuery("SELECT experiment_id FROM trials WHERE state = 'RUNNING' "
                     + "AND epochs_trained > 0")) {
            return found.next() ? found.getString(1) : null;
        } catch (SQLException notYet) {
            return null; // the schema is still being created
        }
    }

    private static List<TrialRow> trials(TrialStore store, String id) {
        return store.trials(id, TrialQuery.ranking(0, 100)).rows();
    }

    @Test
    void aSearchStoppedByAKillIsLeftRunningAndAServiceOnItsOutFolderFinishesIt() throws Exception {
        Path out = dir.resolve("out");
        Path space = dir.resolve("space.yaml");
        Files.writeString(space, Files.readString(TinySpace.writeTo(dir)).replace("epochs: 1", "epochs: 40"));
        search = SparkChildJvm.start(List.of("-Xmx2g"), AutoCnn.class.getName(), List.of("search", space.toString(),
                "--limit", "600", "--sampler", "random", "--scheduler", "fifo", "--trials", Integer.toString(TRIALS),
                "--concurrency", "1", "--threads-per-trial", "1", "--master", "local[1]", "--out", out.toString()),
                dir.resolve("search.log"));

        Path database = new ExperimentLayout(out).storeFile();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        String id = null;
        while (id == null) {
            assertThat(System.nanoTime()).as(Files.exists(dir.resolve("search.log"))
                    ? Files.readString(dir.resolve("search.log")) : "no log").isLessThan(deadline);
            assertThat(search.isAlive()).as("the search is running: %s", Files.readString(dir.resolve("search.log")))
                    .isTrue();
            id = trainingExperiment(database);
            Thread.sleep(200);
        }

        search.destroy(); // SIGTERM
        assertThat(search.waitFor(90, TimeUnit.SECONDS)).as("the search exited").isTrue();
        assertThat(Files.readString(dir.resolve("search.log"))).contains("resume it with: bin/autocnn serve --data-dir "
                + out);
        try (TrialStore store = SqliteTrialStore.open(database)) {
            assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.RUNNING);
            assertThat(trials(store, id)).extracting(TrialRow::state)
                    .doesNotContain(TrialState.FAILED, TrialState.CANCELLED).contains(TrialState.RUNNING);
        }

        try (CoordinatorService service = CoordinatorService.start(ServiceOptions.loopback(out),
                SparkOptions.embedded().withMaster("local[1]").withConcurrency(1, 1),
                SqliteTrialStore.open(database))) {
            deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (service.experiments().isRunning(id)) {
                assertThat(System.nanoTime()).as("the resumed search ends").isLessThan(deadline);
                Thread.sleep(200);
            }
        }
        try (TrialStore store = SqliteTrialStore.open(database)) {
            assertThat(store.experiment(id).orElseThrow().status()).isEqualTo(ExperimentStatus.COMPLETED);
            assertThat(trials(store, id)).hasSize(TRIALS).allSatisfy(trial -> {
                assertThat(trial.state()).isEqualTo(TrialState.COMPLETED);
                assertThat(trial.epochsTrained()).isEqualTo(40.0);
            });
        }
    }
}
