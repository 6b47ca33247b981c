package io.autocnn.coordinator.dispatch;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An OutOfMemoryError inside an embedded Spark task: Spark answers a fatal error by exiting the executor's JVM, which
 * in {@code local[*]} is the service's. It must fail the trial only; the process and its Spark context go on.
 */
@Tag("slow")
class TrialOutOfMemoryTest {

    @TempDir
    Path dir;

    @Test
    void aTrialThatRunsOutOfHeapFailsAloneAndTheProcessLives() throws Exception {
        Path log = dir.resolve("child.log");
        // Spark refuses a heap under 450 MB unless told how much to plan for.
        Process child = SparkChildJvm.start(List.of("-Xmx192m", "-Dspark.testing.memory=1073741824"),
                OutOfMemoryTrial.class.getName(), List.of(dir.toString()), log);
        assertThat(child.waitFor(5, TimeUnit.MINUTES)).as("the child ended").isTrue();

        String output = Files.readString(log);
        assertThat(child.exitValue()).as(output).isZero();
        assertThat(output).contains("result FAILED EXCEPTION", "OutOfMemoryError", "after COMPLETED", "alive");
    }
}
