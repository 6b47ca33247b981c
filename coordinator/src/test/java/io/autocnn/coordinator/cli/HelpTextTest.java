package io.autocnn.coordinator.cli;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.IllegalFormatException;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class HelpTextTest {

    /**
     * picocli formats every help line with String.format: a bare '%' (as in "2-20% of an image") makes it print a
     * warning three times and show the line unformatted. Such a percent sign must be written "%%".
     */
    @Test
    void everyOptionsHelpTextIsAValidFormatString() {
        List<String> broken = new ArrayList<>();
        collect(AutoCnn.commandLine(), broken);
        assertThat(broken).isEmpty();
    }

    private static void collect(CommandLine command, List<String> broken) {
        List<ArgSpec> arguments = new ArrayList<>(command.getCommandSpec().options());
        arguments.addAll(command.getCommandSpec().positionalParameters());
        for (ArgSpec argument : arguments) {
            for (String line : declaredDescription(argument)) {
                try {
                    String.format(Locale.ROOT, line);
                } catch (IllegalFormatException e) {
                    broken.add(command.getCommandName() + " " + argument + ": " + line);
                }
            }
        }
        command.getSubcommands().values().forEach(sub -> collect(sub, broken));
    }

    /** The text as written in the annotation: picocli's own accessors return it already formatted. */
    private static String[] declaredDescription(ArgSpec argument) {
        if (argument.userObject() instanceof Field field) {
            if (field.getAnnotation(Option.class) != null) {
                return field.getAnnotation(Option.class).description();
            }
            if (field.getAnnotation(Parameters.class) != null) {
                return field.getAnnotation(Parameters.class).description();
            }
        }
        return new String[0];
    }
}
