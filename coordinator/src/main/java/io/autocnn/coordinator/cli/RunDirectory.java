package io.autocnn.coordinator.cli;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where a command writes its files when the user gives no {@code --out}: {@code runs/<kind>-<local time>}. */
final class RunDirectory {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private RunDirectory() {
    }

    static Path chosenOrDefault(Path chosen, String kind) {
        return chosen != null ? chosen : Path.of("runs", kind + "-" + LocalDateTime.now().format(STAMP));
    }
}
