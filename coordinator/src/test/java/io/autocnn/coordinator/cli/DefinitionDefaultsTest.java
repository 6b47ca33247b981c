package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchField;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command line and the API share one definition: every flag that sets a definition field has that field's
 * default, and values out of the field's range are refused on the command line as the API refuses them.
 */
class DefinitionDefaultsTest {

    private static final List<String> SEARCHING_COMMANDS = List.of("search", "compare", "run");

    @Test
    void everyDefinitionFlagOfEverySearchingCommandHasTheFieldsDefault() {
        CommandLine root = AutoCnn.commandLine();
        List<String> checked = new ArrayList<>();
        for (String name : SEARCHING_COMMANDS) {
            CommandLine command = root.getSubcommands().get(name);
            for (OptionSpec option : command.getCommandSpec().options()) {
                SearchField.ofFlag(option.longestName()).flatMap(SearchField::defaultValue).ifPresent(expected -> {
                    String shown = option.defaultValueString();
                    if (option.longestName().equals(DefinitionDefaults.BUDGET)) {
                        Duration parsed = new DurationConverter().convert(shown);
                        assertThat(parsed.toSeconds()).as(name + " " + option.longestName())
                                .isEqualTo(Long.parseLong(expected));
                    } else {
                        assertThat(shown).as(name + " " + option.longestName()).isEqualTo(expected);
                    }
                    checked.add(name + " " + option.longestName());
                });
            }
        }
        // The flags every searching command has, at least.
        for (String name : SEARCHING_COMMANDS) {
            assertThat(checked).contains(name + " --sampler", name + " --scheduler", name + " --rungs",
                    name + " --trials", name + " --budget", name + " --max-failed", name + " --seed",
                    name + " --dataset", name + " --limit", name + " --validation-fraction");
        }
    }

    @Test
    void theImageSizeDefaultIsTheDefinitionsHeightAndWidth() {
        OptionSpec imageSize = AutoCnn.commandLine().getSubcommands().get("search").getCommandSpec()
                .findOption(DefinitionDefaults.IMAGE_SIZE);
        assertThat(imageSize.defaultValueString()).isEqualTo(SearchField.IMAGE_HEIGHT.defaultValue().orElseThrow()
                + "x" + SearchField.IMAGE_WIDTH.defaultValue().orElseThrow());
    }

    @Test
    void runRefusesWhatTheServiceWouldBeforeStartingAnything() throws Exception {
        CapturedCommandLine cli = new CapturedCommandLine();
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("autocnn-defaults");
        java.nio.file.Path space = TinySpace.writeTo(dir);
        assertThat(cli.run("run", space.toString(), "--server", "http://127.0.0.1:9", "--rungs", "9",
                "--validation-fraction", "1.5", "--limit", "-1")).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(cli.err()).contains("--rungs ($.rungs)", "--validation-fraction ($.dataset.validationFraction)",
                "--limit ($.dataset.limit)");
    }
}
