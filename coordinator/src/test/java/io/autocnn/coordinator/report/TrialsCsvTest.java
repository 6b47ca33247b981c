package io.autocnn.coordinator.report;

import io.autocnn.coordinator.search.TrialSummary;
import io.autocnn.space.definition.Candidate;
import io.autocnn.space.trial.TrialState;
import io.autocnn.workers.data.ImageShape;
import io.autocnn.workers.model.LeNet5;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TrialsCsvTest {

    @Test
    void eachTrialsMultiplyAccumulatesAreCountedOnTheSearchsImages(@TempDir Path directory) throws Exception {
        TrialSummary lenet = new TrialSummary(7, new Candidate(Map.of(), LeNet5.spec()), TrialState.COMPLETED,
                Optional.empty(), "", List.of(), 1, 61_706, 12.5);
        Path file = directory.resolve("trials.csv");

        TrialsCsv.write(List.of(lenet), new ImageShape(1, 28, 28), 10, file);

        List<String> lines = Files.readAllLines(file);
        List<String> columns = Arrays.asList(lines.get(0).split(","));
        String[] row = lines.get(1).split(",");
        assertThat(row[columns.indexOf("trial")]).isEqualTo("7");
        assertThat(row[columns.indexOf("parameter_count")]).isEqualTo("61706");
        // 28x28x(5x5x1)x6 + 10x10x(5x5x6)x16 + 1x1x(5x5x16)x120 + 120x84 + 84x10
        assertThat(row[columns.indexOf("macs")]).isEqualTo(String.valueOf(117_600 + 240_000 + 48_000 + 10_080 + 840));
    }
}
