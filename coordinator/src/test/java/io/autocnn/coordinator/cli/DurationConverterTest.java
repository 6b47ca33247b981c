package io.autocnn.coordinator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DurationConverterTest {

    private final DurationConverter converter = new DurationConverter();

    @Test
    void readsHoursMinutesAndSeconds() {
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("10m")).isEqualTo(Duration.ofMinutes(10));
        assertThat(converter.convert("1h30m")).isEqualTo(Duration.ofMinutes(90));
        assertThat(converter.convert(" 2H ")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void refusesWhatIsNotADuration() {
        assertThatThrownBy(() -> converter.convert("10")).isInstanceOf(CommandLine.TypeConversionException.class)
                .hasMessageContaining("90s, 10m, 2h or 1h30m");
        assertThatThrownBy(() -> converter.convert("-5m")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("0m")).hasMessageContaining("zero");
    }

    @Test
    void formatsBack() {
        assertThat(DurationConverter.format(600)).isEqualTo("10m00s");
        assertThat(DurationConverter.format(5400)).isEqualTo("1h30m");
        assertThat(DurationConverter.format(65.4)).isEqualTo("1m05s");
    }
}
