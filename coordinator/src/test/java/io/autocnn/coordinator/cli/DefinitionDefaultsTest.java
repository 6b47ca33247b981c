package io.autocnn.coordinator.cli;

import io.autocnn.coordinator.definition.SearchField;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

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
                DefinitionDefaults.field(option).ifPresent(field -> {
                    // The key names the field whose flag this is: a typo in a key cannot pass.
                    assertThat(field.flag()).as(name + " " + option.longestName()).contains(option.longestName());
                    String shown = option.defaultValueString();
                    String expected = field.defaultValue().orElse(null);
                    if (option.longestName().equals(DefinitionDefaults.BUDGET)) {
                        assertThat(new DurationConverter().convert(shown).toSeconds())
                                .as(name + " " + option.longestName()).isEqualTo(Long.parseLong(expected));
                    } else {
                        assertThat(shown).as(name + " " + option.longestName()).isEqualTo(expected);
                    }
                    checked.add(name + " " + option.longestName());
                });
            }
        }
        for (String name : SEARCHING_COMMANDS) {
            assertThat(checked).contains(name + " --sampler", name + " --scheduler", name + " --rungs",
                    name + " --trials", name + " --budget", name + " --max-failed", name + " --seed",
                    name + " --dataset", name + " --limit", name + " --validation-fraction", name + " --channels",
                    name + " --scramble-seed");
        }
        assertThat(checked).contains("run --dataset-path");
    }

    @Test
    void optionsOutsideTheDefinitionKeepTheirOwnDefaults() {
        CommandLine root = AutoCnn.commandLine();
        // train's --seed means "the specification's own seed" when absent; the lecture's experiments use 123.
        assertThat(root.getSubcommands().get("train").getCommandSpec().findOption("--seed").defaultValue()).isNull();
        assertThat(new DefinitionDefaults().defaultValue(root.getSubcommands().get("train").getCommandSpec()
                .findOption("--seed"))).isNull();
        assertThat(root.getSubcommands().get("experiment").getSubcommands().get("scrambled").getCommandSpec()
                .findOption("--seed").defaultValueString()).isEqualTo("123");
    }

    @Test
    void aFlagGivenTwiceTakesItsLastValueSoWrappersCanBeOverridden() throws Exception {
        CapturedCommandLine cli = new CapturedCommandLine();
        java.nio.file.Path space = TinySpace.writeTo(java.nio.file.Files.createTempDirectory("autocnn-twice"));
        // As demo.sh passes --budget 10m --trials 40 before the user's own flags.
        assertThat(cli.run("run", space.toString(), "--server", "http://127.0.0.1:9", "--budget", "10m",
                "--trials", "40", "--budget", "3m", "--trials", "0")).isEqualTo(UserErrorHandler.USER_ERROR);
        assertThat(cli.err()).doesNotContain("should be specified only once")
                .contains("--trials ($.budget.maxTrials): must be an integer from 1");
    }

    @Test
    void everyCommandWithDatasetOptionsHasTheDefinitionsDefaults() {
        List<String> checked = new ArrayList<>();
        checkDatasetDefaults(AutoCnn.commandLine(), checked);
        // Nested commands too (a command's own default provider must not drop these).
        assertThat(checked).contains("train", "search", "experiment cifar-gray", "experiment scrambled");
        // ... nor be dropped by them: cifar-gray reads grayscale CIFAR-10 unless told otherwise.
        assertThat(AutoCnn.commandLine().getSubcommands().get("experiment").getSubcommands().get("cifar-gray")
                .getCommandSpec().findOption("--dataset").defaultValueString()).isEqualTo("cifar10-gray");
    }

    private static void checkDatasetDefaults(CommandLine command, List<String> checked) {
        OptionSpec fraction = command.getCommandSpec().findOption("--validation-fraction");
        if (fraction != null) {
            String name = command.getCommandSpec().qualifiedName(" ").replaceFirst("^autocnn ", "");
            assertThat(fraction.defaultValueString()).as(name)
                    .isEqualTo(SearchField.VALIDATION_FRACTION.defaultValue().orElseThrow());
            assertThat(command.getCommandSpec().findOption("--channels").defaultValueString()).as(name)
                    .isEqualTo(SearchField.CHANNELS.defaultValue().orElseThrow());
            assertThat(command.getCommandSpec().findOption("--limit").defaultValueString()).as(name)
                    .isEqualTo(SearchField.LIMIT.defaultValue().orElseThrow());
            checked.add(name);
        }
        command.getSubcommands().values().forEach(sub -> checkDatasetDefaults(sub, checked));
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
