package io.autocnn.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ResultsFileTest {

    @TempDir
    Path folder;

    @Test
    void aRerunReplacesTheTableAndKeepsWhatIsWrittenBelowTheMarker() throws Exception {
        Path file = folder.resolve("results").resolve("bench.md");
        ResultsFile.write(file, List.of("# Bench", "", "| run | 1.50x |"));
        List<String> reading = List.of(ResultsFile.KEPT_BELOW, "", "## Reading", "The first run shows 1.50x.");
        Files.write(file, reading, java.nio.file.StandardOpenOption.APPEND);

        ResultsFile.write(file, List.of("# Bench", "", "| run | 1.70x |"));

        assertThat(Files.readAllLines(file)).containsExactly("# Bench", "", "| run | 1.70x |", "",
                ResultsFile.KEPT_BELOW, "", "## Reading", "The first run shows 1.50x.");
    }

    @Test
    void withoutTheMarkerTheWholeFileIsTheProgramsAndNoPartialFileIsLeft() throws Exception {
        Path file = folder.resolve("bench.md");
        Files.writeString(file, "# Old\n\nold table\n");

        ResultsFile.write(file, "# New\n\nnew table\n");

        assertThat(Files.readString(file)).isEqualTo("# New\n\nnew table\n");
        try (var listing = Files.list(folder)) {
            assertThat(listing).containsExactly(file);
        }
    }
}
