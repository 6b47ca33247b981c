package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.dispatch.SparkOptions;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SparkCliOptionsTest {

    private static final int CORES = Runtime.getRuntime().availableProcessors();

    @Command
    static final class Holder {
        @Mixin
        SparkCliOptions cluster = new SparkCliOptions();
    }

    private static SparkCliOptions parse(String... args) {
        Holder holder = new Holder();
        new CommandLine(holder).parseArgs(args);
        return holder.cluster;
    }

    @Test
    void byDefaultEveryCoreTrainsItsOwnTrialOnOneThread() {
        SparkOptions options = parse().options();
        assertThat(options.threadsPerTrial()).isEqualTo(1);
        assertThat(options.maxConcurrentTrials()).isEqualTo(CORES);
        assertThat(options.master()).isEqualTo(SparkOptions.EMBEDDED);
    }

    @Test
    void givenConcurrencySharesTheCoresOut() {
        SparkOptions options = parse("--concurrency", "1").options();
        assertThat(options.maxConcurrentTrials()).isEqualTo(1);
        assertThat(options.threadsPerTrial()).isEqualTo(CORES);
    }

    @Test
    void givenThreadsPerTrialFillsTheCoresWithTrials() {
        SparkOptions options = parse("--threads-per-trial", String.valueOf(CORES)).options();
        assertThat(options.threadsPerTrial()).isEqualTo(CORES);
        assertThat(options.maxConcurrentTrials()).isEqualTo(1);
        SparkOptions both = parse("--threads-per-trial", "3", "--concurrency", "5").options();
        assertThat(both.threadsPerTrial()).isEqualTo(3);
        assertThat(both.maxConcurrentTrials()).isEqualTo(5);
    }

    @Test
    void theFixedPortsReachTheSparkOptions() {
        SparkOptions options = parse("--driver-port", "30000", "--executor-port", "30100").options();
        assertThat(options.driverPort()).isEqualTo(30000);
        assertThat(options.reportPort()).isEqualTo(30002);
        assertThat(options.executorPort()).isEqualTo(30100);
        assertThat(parse().options().driverPort()).as("free ports by default").isZero();
        assertThatThrownBy(() -> parse("--driver-port", "80").options()).hasMessageContaining("--driver-port");
    }

    @Test
    void nonPositiveCountsAreUserErrorsNamingTheOption() {
        assertThatThrownBy(() -> parse("--concurrency", "0").options())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--concurrency must be at least 1");
        assertThatThrownBy(() -> parse("--threads-per-trial", "0").options())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--threads-per-trial must be at least 1");
    }
}
