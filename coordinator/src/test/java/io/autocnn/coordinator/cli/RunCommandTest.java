package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.store.ExperimentStatus;
import io.autocnn.coordinator.store.SqliteTrialStore;
import io.autocnn.coordinator.store.TrialStore;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class RunCommandTest {

    @TempDir
    Path dir;

    private final CapturedCommandLine cli = new CapturedCommandLine();

    @Test
    @Tag("slow")
    void runsAnExperimentThroughAServiceInThisProcessAndKeepsItsStore() throws Exception {
        Path space = dir.resolve("tiny.yaml");
        Files.writeString(space, """
                convBlocks: {depth: 1, filters: {choices: [2, 4]}, kernelSize: 3, pooling: MAX}
                training: {batchSize: 32, epochs: 1, learningRate: {min: 0.002, max: 0.02, log: true}}
                """);
        Path data = dir.resolve("data");

        int exit = cli.run("run", space.toString(), "--data-dir", data.toString(), "--limit", "600",
                "--test-limit", "100", "--trials", "3", "--sampler", "random", "--scheduler", "fifo",
                "--master", "local[2]");

        assertThat(exit).as(cli.err()).isZero();
        assertThat(cli.out()).contains("experiment exp-").contains("completed").contains("    1      ");
        try (TrialStore store = SqliteTrialStore.open(data.resolve("autocnn.db"))) {
            assertThat(store.experiments()).singleElement().satisfies(experiment -> {
                assertThat(experiment.status()).isEqualTo(ExperimentStatus.COMPLETED);
                assertThat(experiment.name()).isEqualTo("tiny");
                assertThat(store.progress(experiment.id()).trials()).isEqualTo(3);
            });
        }
    }

    @Test
    void theFinalTrainingShareGoesIntoTheDefinitionAndIsCheckedByItsRule() throws Exception {
        Path space = dir.resolve("tiny.yaml");
        Files.writeString(space, "convBlocks: {depth: 1}\n");
        assertThat(cli.run("run", space.toString(), "--server", "http://127.0.0.1:9", "--final-training", "0.95"))
                .isEqualTo(2);
        assertThat(cli.err()).contains("budget.finalTrainingShare", "from 0.0 to 0.9");
    }

    @Test
    void aServerThatIsNotAUrlIsAUserError() throws Exception {
        Path space = dir.resolve("tiny.yaml");
        Files.writeString(space, "convBlocks: {depth: 1}\n");
        assertThat(cli.run("run", space.toString(), "--server", "127.0.0.1:8080")).isEqualTo(2);
        assertThat(cli.err()).contains("--server must be an http://");
    }
}
