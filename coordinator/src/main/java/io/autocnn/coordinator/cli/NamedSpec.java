package io.autocnn.coordinator.cli;

import io.autocnn.space.spec.TrialSpec;
import io.autocnn.space.spec.TrialSpecJson;
import io.autocnn.workers.model.LeNet5;

import java.nio.file.Files;
import java.nio.file.Path;

/** A trial specification named on the command line: the built-in {@code lenet5}, or a specification file. */
final class NamedSpec {

    private NamedSpec() {
    }

    /** The specification {@code name} stands for; {@code flag} names the option in errors. */
    static TrialSpec read(String name, String flag) {
        if (LeNet5.NAME.equals(name)) {
            return LeNet5.spec();
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(flag + " " + name + ": neither the built-in name '" + LeNet5.NAME
                    + "' nor an existing specification file");
        }
        return TrialSpecJson.read(file);
    }
}
