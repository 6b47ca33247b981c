package io.autocnn.coordinator.engine;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.OptionalDouble;

import static org.assertj.core.api.Assertions.assertThat;

class FinalModelTest {

    @TempDir
    Path dir;

    @Test
    void aRecordReadsBackAsWrittenAlsoWhenTheDataHadNoTestImages() throws Exception {
        FinalModel measured = new FinalModel(3, OptionalDouble.of(0.91), OptionalDouble.of(0.89), 14.5, 120.0);
        FinalModel untested = new FinalModel(1, FinalModel.measured(Double.NaN), FinalModel.measured(Double.NaN), 2,
                9.5);
        measured.write(dir.resolve("measured.json"));
        untested.write(dir.resolve("untested.json"));

        assertThat(FinalModel.read(dir.resolve("measured.json"))).contains(measured);
        assertThat(FinalModel.read(dir.resolve("untested.json"))).hasValueSatisfying(model ->
                assertThat(model.testAccuracy()).isEmpty());
        assertThat(FinalModel.read(dir.resolve("none.json"))).isEmpty();
    }
}
