package io.autocnn.coordinator.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A search space of tiny networks (one epoch each) that trains in seconds, for the commands' end-to-end tests. */
final class TinySpace {

    private TinySpace() {
    }

    static Path writeTo(Path dir) throws IOException {
        Path space = dir.resolve("tiny.yaml");
        Files.writeString(space, """
                name: tiny
                convBlocks:
                  depth: {min: 1, max: 2}
                  filters: {choices: [2, 4]}
                  kernelSize: {choices: [3, 5]}
                  pooling: {choices: [MAX, NONE]}
                  poolSize: 2
                denseLayers:
                  depth: {min: 0, max: 1}
                  units: {min: 8, max: 32, log: true}
                training:
                  batchSize: 32
                  epochs: 1
                  learningRate: {min: 0.001, max: 0.01, log: true}
                """);
        return space;
    }
}
