package io.autocnn.coordinator.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import static io.autocnn.coordinator.store.TrialEventFixtures.created;
import static io.autocnn.coordinator.store.TrialEventFixtures.ended;
import static io.autocnn.coordinator.store.TrialEventFixtures.epoch;
import static io.autocnn.coordinator.store.TrialEventFixtures.started;

/**
 * A writer to be killed: appends the events of one trial after another to an existing experiment until the process
 * dies, printing "confirmed SEQUENCE" once each append has returned.
 * Arguments: the store file and the experiment id.
 */
public final class AppendingProcess {

    static final String CONFIRMED = "confirmed ";

    private AppendingProcess() {
    }

    public static void main(String[] args) {
        Path file = Path.of(args[0]);
        String experimentId = args[1];
        PrintStream out = System.out;
        try (SqliteTrialStore store = SqliteTrialStore.open(file)) {
            for (int trial = 0; ; trial++) {
                for (TrialEvent event : List.of(created(experimentId, trial), started(experimentId, trial, 1, 2),
                        epoch(experimentId, trial, 1, 1, 0.5), epoch(experimentId, trial, 1, 2, 0.4),
                        ended(experimentId, trial, 1, TrialEventType.COMPLETED, 2, 1.5))) {
                    store.appendAndGet(event);
                    out.print(CONFIRMED + store.lastSequence(experimentId) + "\n");
                    out.flush();
                }
            }
        }
    }
}
